namespace Connect2Luton.Domain.JobRoles;

/// <summary>Where on a permanent post's grade a salary is taken from: its bottom, its middle or its top.</summary>
public enum PayPoint
{
    Bottom,
    Middle,
    Top,
}
