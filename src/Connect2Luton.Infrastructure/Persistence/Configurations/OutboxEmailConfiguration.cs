using Connect2Luton.Domain.Common;
using Connect2Luton.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.To).HasMaxLength(Limits.Email);
        builder.Property(e => e.Subject).HasMaxLength(Application.Email.EmailText.MostSubjectLength);
        builder.Property(e => e.Body).HasMaxLength(OutboxEmail.MostBodyLength);
        builder.Property(e => e.Status).IsStoredAsText();
        builder.Property(e => e.LastError).HasMaxLength(OutboxEmail.MostErrorLength);
        builder.Property(e => e.ClaimedBy).HasMaxLength(OutboxEmail.MostClaimLength);
        builder.Property(e => e.DigestKey).HasMaxLength(OutboxEmail.MostDigestKeyLength);
        // The sender's question (what is due) and the admins' (how many wait or failed).
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => new { e.DigestKey, e.Status });
    }
}
