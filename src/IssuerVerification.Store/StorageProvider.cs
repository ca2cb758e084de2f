using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Verification;
using IssuerVerification.Store.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store;

public enum StorageProvider { Sqlite, Postgres }
