namespace Connect2Luton.Application.Common.Persistence;

/// <summary>
/// Stages new records that are written many thousands at a time and never edited by the unit of work that adds
/// them (a night's placement flags and conversion prompts). They are written with the unit of work's next save, in
/// its transaction, but without being tracked as entities: on the first night over a large pool, tracking each new
/// flag cost far more than deciding it. Their ids are not filled in, and they are not on the audit trail, so only
/// records that are themselves the record of what happened (what raised them, when, under which rules) go this way.
/// </summary>
public interface IBulkInsert<in T> where T : class
{
    void Add(T record);
}
