using Connect2Luton.Application.Common.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>Production and several nodes: SQL Server, with its own migrations.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : AppDbContext(options, currentUser, clock);
