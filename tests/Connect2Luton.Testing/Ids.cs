using Connect2Luton.Domain.Common;

namespace Connect2Luton.Testing;

/// <summary>Gives an unsaved entity the key the database would have given it, for domain tests without a database.</summary>
public static class Ids
{
    public static T WithId<T>(this T entity, int id) where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }
}
