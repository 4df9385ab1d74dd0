using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.ToTable("ImportUploads");
        builder.ConfigureAggregate();
        builder.Property(u => u.Kind).IsStoredAsText();
        builder.Property(u => u.FileName).HasMaxLength(Limits.Title);
        builder.Property(u => u.Content).HasMaxLength(ImportUpload.MostBytes);
        builder.Property(u => u.ContentHash).HasMaxLength(Limits.ContentHash);
        builder.Property(u => u.UploadedBy).HasMaxLength(Limits.Actor);
        builder.Property(u => u.ImportedBy).HasMaxLength(Limits.Actor);
        builder.Property(u => u.Outcome).HasMaxLength(Limits.Reason);
        // The latest uploads first on the import page; uploads left unconfirmed are cleared by age.
        builder.HasIndex(u => u.UploadedAt);
    }
}
