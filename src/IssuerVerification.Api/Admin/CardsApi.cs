using IssuerVerification.Api.Filters;
using IssuerVerification.Domain.Cards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Admin;

public static class CardsApi
{
    public static RouteGroupBuilder MapCards(this RouteGroupBuilder admin)
    {
        var cards = admin.MapGroup("/cards").WithTags("Admin: cards");
        cards.MapPost("/", Register).WithValidation().WithIdempotency().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Register a card (PAN kept as fingerprint, ciphertext and masked form)")
            .WithName("RegisterCard").WithDescription("Optional for a PAN a card range covers; adds a status, a PSN and cardholder contacts. Answers 201 with Location; a PAN registered already answers 409.");
        cards.MapGet("/{cardId:guid}", Get).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One card")
            .WithName("GetCard").WithDescription("The registered card with this id (PAN, phone and email masked), or 404.");
        cards.MapPatch("/{cardId:guid}", Update).WithValidation().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Change a card's status or cardholder contacts")
            .WithName("UpdateCard").WithDescription("Sets the fields given (status, cardholder); absent fields stay as they are. A card that is not active gets no_match / card_inactive on verify and 422 on generate.");
        return admin;
    }

    private static async Task<Created<CardResponse>> Register(RegisterCardRequest request, CardRegistry cards, CancellationToken ct)
    {
        var card = await cards.RegisterAsync(Pan.Parse(request.Pan), request.Expiry, request.Psn ?? "00",
            request.Status ?? CardStatus.Active, ToCardholder(request.Cardholder) ?? new Cardholder(), ct);
        return TypedResults.Created($"/v1/admin/cards/{card.Id}", await ToResponseAsync(card, cards, ct));
    }

    private static async Task<Ok<CardResponse>> Get(Guid cardId, CardRegistry cards, CancellationToken ct) =>
        TypedResults.Ok(await ToResponseAsync(await cards.GetAsync(cardId, ct), cards, ct));

    private static async Task<Ok<CardResponse>> Update(Guid cardId, UpdateCardRequest request, CardRegistry cards, CancellationToken ct) =>
        TypedResults.Ok(await ToResponseAsync(await cards.UpdateAsync(cardId, request.Status, ToCardholder(request.Cardholder), ct), cards, ct));

    private static Cardholder? ToCardholder(CardholderDto? c) =>
        c is null ? null : new Cardholder { Name = c.Name, Phone = c.Phone, Email = c.Email, BankApp = c.BankApp ?? false };

    /// <summary>The card as answered: PAN and contacts masked.</summary>
    private static async Task<CardResponse> ToResponseAsync(Card c, CardRegistry cards, CancellationToken ct)
    {
        var holder = (await cards.CardholderAsync(c, ct)).Masked();
        return new(c.Id, c.MaskedPan, c.Expiry, c.Psn, c.Status, new CardholderDto(holder.Name, holder.Phone, holder.Email, holder.BankApp), c.CreatedAt);
    }
}
