using System.Data.Common;
using System.Text.Json;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EngagementPlatform.Framework.Tests;

public sealed class ProblemDetailsExceptionHandlerTests
{
    private readonly ProblemDetailsExceptionHandler _handler = new(
        problemDetails: null!, // ToProblem never writes a response
        new TextLocalizer(FrameworkErrorMessages.Create(), new ErrorMessageResource
        {
            ["Governance:BallotClosed"] = ("The ballot for {decision} is closed.", "La votación de {decision} está cerrada."),
            ["Test:Field.TooLate"] = ("Pick a date after {date}.", "Elija una fecha posterior a {date}."),
        }),
        NullLogger<ProblemDetailsExceptionHandler>.Instance);

    [Fact]
    public void A_business_exception_keeps_its_status_and_code_with_a_localized_title()
    {
        using var culture = new UICulture("en");
        var exception = new StateConflictException("Governance:BallotClosed").WithData("decision", "Budget 2026");

        var problem = _handler.ToProblem(exception);

        problem.Status.ShouldBe(409);
        problem.Title.ShouldBe("The ballot for Budget 2026 is closed.");
        problem.Type.ShouldBe("https://httpstatuses.io/409");
        problem.Extensions["code"].ShouldBe("Governance:BallotClosed");
        problem.Extensions.ContainsKey("errors").ShouldBeFalse();
    }

    [Fact]
    public void A_refusal_s_plain_values_are_members_of_the_problem_so_a_client_can_fill_its_own_message()
    {
        using var culture = new UICulture("en");
        var exception = new RuleBrokenException("Saas:LimitReached")
            .WithData("name", "ActiveMembers")
            .WithData("limit", 3)
            .WithData("count", 3L)
            .WithData("status", 200) // a value never replaces a standard member
            .WithData("word", new object()); // nor does anything that is not a plain value travel

        var problem = _handler.ToProblem(exception);

        problem.Status.ShouldBe(422);
        problem.Extensions["limit"].ShouldBe(3);
        problem.Extensions["count"].ShouldBe(3L);
        problem.Extensions["name"].ShouldBe("ActiveMembers");
        problem.Extensions.ContainsKey("status").ShouldBeFalse();
        problem.Extensions.ContainsKey("word").ShouldBeFalse();
        problem.Title.ShouldBe("Your partnership's plan allows at most 3 of ActiveMembers, and there are 3 already. Ask the platform operator about a larger plan.");
    }

    [Fact]
    public void The_title_follows_the_request_culture()
    {
        using var culture = new UICulture("es-MX");

        var problem = _handler.ToProblem(new BusinessException("Governance:BallotClosed").WithData("decision", "Presupuesto"));

        problem.Status.ShouldBe(422);
        problem.Title.ShouldBe("La votación de Presupuesto está cerrada.");
    }

    [Fact]
    public void An_entity_that_is_not_found_is_a_404()
    {
        using var culture = new UICulture("en");

        var problem = _handler.ToProblem(new EntityNotFoundException("Council", Guid.Empty));

        problem.Status.ShouldBe(404);
        problem.Extensions["code"].ShouldBe("Framework:EntityNotFound");
        problem.Title.ShouldBe("What you asked for does not exist or is not visible to you.");
    }

    [Fact]
    public void A_field_validation_exception_carries_its_errors()
    {
        using var culture = new UICulture("en");
        var errors = new Dictionary<string, string[]> { ["name"] = ["A partnership with this name already exists."] };

        var problem = _handler.ToProblem(new FieldValidationException("Saas:DuplicateTenantName", errors));

        problem.Status.ShouldBe(400);
        problem.Title.ShouldBe("Saas:DuplicateTenantName");
        problem.Extensions["code"].ShouldBe("Saas:DuplicateTenantName");
        var fieldErrors = problem.Extensions["errors"].ShouldBeAssignableTo<IDictionary<string, string[]>>()!;
        fieldErrors.Keys.ShouldBe(["name"]);
        fieldErrors["name"].ShouldBe(["A partnership with this name already exists."]);
    }

    [Theory]
    [InlineData("en", "Pick a date after 2027-01-15.")]
    [InlineData("es-MX", "Elija una fecha posterior a 2027-01-15.")]
    public void A_field_error_that_is_a_text_key_reads_in_the_request_language(string language, string expected)
    {
        using var culture = new UICulture(language);
        var errors = new Dictionary<string, string[]> { ["closesAt"] = ["Test:Field.TooLate"], ["name"] = ["Plain text stays."] };

        var problem = _handler.ToProblem(new FieldValidationException(FrameworkErrorCodes.Validation, errors).WithData("date", "2027-01-15"));

        var fieldErrors = problem.Extensions["errors"].ShouldBeAssignableTo<IDictionary<string, string[]>>()!;
        fieldErrors["closesAt"].ShouldBe([expected]);
        fieldErrors["name"].ShouldBe(["Plain text stays."]);
    }

    [Fact]
    public void A_validator_message_that_is_a_text_key_reads_in_the_request_language()
    {
        using var culture = new UICulture("es");
        var failure = new ValidationFailure("Meeting.ClosesAt", "Test:Field.TooLate")
        {
            FormattedMessagePlaceholderValues = new Dictionary<string, object> { ["date"] = "2027-01-15" },
        };

        var problem = _handler.ToProblem(new ValidationException([failure]));

        problem.Extensions["errors"].ShouldBeAssignableTo<IDictionary<string, string[]>>()!["meeting.closesAt"]
            .ShouldBe(["Elija una fecha posterior a 2027-01-15."]);
    }

    [Fact]
    public void A_validator_failure_is_a_400_with_camel_case_field_errors()
    {
        using var culture = new UICulture("en");
        var exception = new ValidationException(
        [
            new ValidationFailure("AdminEmailAddress", "Enter a valid email address."),
            new ValidationFailure("AdminEmailAddress", "Enter a valid email address."),
            new ValidationFailure("AdminEmailAddress", "Use at most 256 characters."),
            new ValidationFailure("Name", "Enter a name."),
        ]);

        var problem = _handler.ToProblem(exception);

        problem.Status.ShouldBe(400);
        problem.Extensions["code"].ShouldBe("Framework:ValidationFailed");
        problem.Title.ShouldBe("Some fields are not valid. See the errors for each field.");
        var errors = problem.Extensions["errors"].ShouldBeAssignableTo<IDictionary<string, string[]>>()!;
        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["adminEmailAddress", "name"]);
        errors["adminEmailAddress"].ShouldBe(["Enter a valid email address.", "Use at most 256 characters."]);
        errors["name"].ShouldBe(["Enter a name."]);
    }

    [Fact]
    public void Unreadable_json_is_a_400_naming_the_field()
    {
        using var culture = new UICulture("en");
        var json = new JsonException("The JSON value could not be converted to System.String.", "$.name", 1, 9);
        var exception = new BadHttpRequestException("Failed to read parameter \"CreateTenant request\" from the request body as JSON.", json);

        var problem = _handler.ToProblem(exception);

        problem.Status.ShouldBe(400);
        problem.Extensions["code"].ShouldBe("Framework:BadRequest");
        problem.Detail.ShouldBe("The JSON value could not be converted to System.String.");
        var errors = problem.Extensions["errors"].ShouldBeAssignableTo<IDictionary<string, string[]>>()!;
        errors.Keys.ShouldBe(["name"]);
        errors["name"].ShouldBe(["The JSON value could not be converted to System.String."]);
    }

    [Fact]
    public void Unreadable_json_at_the_root_is_reported_under_the_root_path()
    {
        var exception = new BadHttpRequestException("bad", new JsonException("'}' is invalid after a value.", "$", 0, 3));

        var errors = _handler.ToProblem(exception).Extensions["errors"].ShouldBeAssignableTo<IDictionary<string, string[]>>()!;

        errors.Keys.ShouldBe(["$"]);
    }

    [Fact]
    public void A_bad_request_without_json_details_has_no_field_errors()
    {
        var problem = _handler.ToProblem(new BadHttpRequestException("Required parameter \"Guid id\" was not provided."));

        problem.Status.ShouldBe(400);
        problem.Extensions["code"].ShouldBe("Framework:BadRequest");
        problem.Detail.ShouldBe("Required parameter \"Guid id\" was not provided.");
        problem.Extensions.ContainsKey("errors").ShouldBeFalse();
    }

    [Fact]
    public void A_body_over_the_limit_is_a_413()
    {
        using var culture = new UICulture("en");

        var problem = _handler.ToProblem(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        problem.Status.ShouldBe(413);
        problem.Extensions["code"].ShouldBe("Framework:PayloadTooLarge");
        problem.Title.ShouldBe("The request body is too large.");
    }

    [Fact]
    public void A_concurrency_conflict_is_a_409()
    {
        var problem = _handler.ToProblem(new DbUpdateConcurrencyException("row version changed"));

        problem.Status.ShouldBe(409);
        problem.Extensions["code"].ShouldBe("Framework:ConcurrencyConflict");
    }

    [Theory]
    [InlineData("23505", 409, "Framework:ConcurrencyConflict")]
    [InlineData("40001", 409, "Framework:ConcurrencyConflict")]
    [InlineData("23503", 500, "Framework:InternalError")]
    public void A_database_error_is_a_conflict_only_for_unique_violations_and_serialization_failures(string sqlState, int status, string code)
    {
        var problem = _handler.ToProblem(new DbUpdateException("save failed", new FakeDbException(sqlState)));

        problem.Status.ShouldBe(status);
        problem.Extensions["code"].ShouldBe(code);
    }

    [Fact]
    public void Any_other_exception_is_a_500_that_shows_no_internals()
    {
        using var culture = new UICulture("en");
        var exception = new InvalidOperationException("Npgsql connection string Host=db;Password=hunter2 failed");

        var problem = _handler.ToProblem(exception);

        problem.Status.ShouldBe(500);
        problem.Extensions["code"].ShouldBe("Framework:InternalError");
        problem.Title.ShouldBe("Something went wrong on our side. Nothing was changed; please try again.");
        problem.Title.ShouldNotBeNull().ShouldNotContain("hunter2");
        problem.Title.ShouldNotContain(exception.Message);
        problem.Detail.ShouldBeNull();
        problem.Extensions.Keys.ShouldBe(["code"]);
    }

    [Theory]
    [InlineData(401, "Framework:Unauthorized")]
    [InlineData(403, "Framework:Forbidden")]
    [InlineData(404, "Framework:RouteNotFound")]
    [InlineData(405, "Framework:BadRequest")]
    [InlineData(415, "Framework:BadRequest")]
    [InlineData(418, "Framework:BadRequest")]
    [InlineData(503, "Framework:InternalError")]
    public void A_bare_status_code_gets_a_problem_with_a_code(int status, string code)
    {
        var problem = _handler.ForStatus(status);

        problem.Status.ShouldBe(status);
        problem.Extensions["code"].ShouldBe(code);
    }

    private sealed class FakeDbException(string sqlState) : DbException("database refused")
    {
        public override string SqlState { get; } = sqlState;
    }
}
