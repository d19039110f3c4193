using EngagementPlatform.Framework.Validation;
using FluentValidation;

namespace EngagementPlatform.Framework.Tests;

public sealed class ValidationBehaviorTests
{
    public sealed record RenameCouncil(string Name, int Seats) : Mediator.ICommand<string>;

    private sealed class NameRules : AbstractValidator<RenameCouncil>
    {
        public NameRules() => RuleFor(c => c.Name).NotEmpty().WithMessage("Enter a name.");
    }

    private sealed class SeatRules : AbstractValidator<RenameCouncil>
    {
        public SeatRules() => RuleFor(c => c.Seats).InclusiveBetween(1, 99).WithMessage("Seats must be between 1 and 99.");
    }

    private int _handlerCalls;

    private ValueTask<string> Handler(RenameCouncil message, CancellationToken cancellationToken)
    {
        _handlerCalls++;
        return ValueTask.FromResult($"renamed to {message.Name}");
    }

    [Fact]
    public async Task Invalid_input_never_reaches_the_handler_and_reports_every_validators_failures()
    {
        var behavior = new ValidationBehavior<RenameCouncil, string>([new NameRules(), new SeatRules()]);

        var error = await Should.ThrowAsync<ValidationException>(
            async () => await behavior.Handle(new RenameCouncil("", 0), Handler, CancellationToken.None));

        _handlerCalls.ShouldBe(0);
        error.Errors.Select(f => (f.PropertyName, f.ErrorMessage)).ShouldBe(
        [
            ("Name", "Enter a name."),
            ("Seats", "Seats must be between 1 and 99."),
        ]);
    }

    [Fact]
    public async Task One_failing_validator_is_enough_to_refuse()
    {
        var behavior = new ValidationBehavior<RenameCouncil, string>([new NameRules(), new SeatRules()]);

        var error = await Should.ThrowAsync<ValidationException>(
            async () => await behavior.Handle(new RenameCouncil("Youth", 100), Handler, CancellationToken.None));

        _handlerCalls.ShouldBe(0);
        error.Errors.Select(f => f.PropertyName).ShouldBe(["Seats"]);
    }

    [Fact]
    public async Task Valid_input_returns_the_handlers_result()
    {
        var behavior = new ValidationBehavior<RenameCouncil, string>([new NameRules(), new SeatRules()]);

        var result = await behavior.Handle(new RenameCouncil("Youth", 7), Handler, CancellationToken.None);

        result.ShouldBe("renamed to Youth");
        _handlerCalls.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_without_validators_goes_straight_to_the_handler()
    {
        var behavior = new ValidationBehavior<RenameCouncil, string>([]);

        var result = await behavior.Handle(new RenameCouncil("", 0), Handler, CancellationToken.None);

        result.ShouldBe("renamed to ");
        _handlerCalls.ShouldBe(1);
    }
}
