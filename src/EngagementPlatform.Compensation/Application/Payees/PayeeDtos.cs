using EngagementPlatform.Compensation.Domain;

namespace EngagementPlatform.Compensation.Application.Payees;

public sealed record PayeeDto(Guid Id, PayeeKind Kind, Guid? UserId, string Name, string? ContactEmail, DateTimeOffset CreationTime);

public sealed record OrganizationPayeeRequest(string Name, string ContactEmail);
