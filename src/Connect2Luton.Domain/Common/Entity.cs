namespace Connect2Luton.Domain.Common;

public abstract class Entity
{
    public int Id { get; protected set; }
}
