namespace Connect2Luton.Application.Common.Persistence;

/// <summary>
/// Stages new records that are written many thousands at a time and never edited by the unit of work that adds
/// them (a night's placement flags). They are written with the unit of work's next save, in its transaction, but
/// without being tracked as entities: on the first night over a large pool, tracking each new flag cost far more
/// than deciding it. Their ids are not filled in.
/// </summary>
public interface IBulkInsert<in T> where T : class
{
    void Add(T record);
}
