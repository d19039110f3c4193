using EngagementPlatform.Framework.UnitOfWork;

namespace EngagementPlatform.Framework.Tests;

public sealed class UnitOfWorkBehaviorTests
{
    public sealed record CastVote(string Choice) : Mediator.ICommand<string>;

    public sealed record GetTally(Guid DecisionId) : Mediator.IQuery<int>;

    private readonly RecordingUnitOfWork _unitOfWork = new();

    [Fact]
    public async Task A_command_runs_inside_a_unit_of_work_that_is_completed_after_the_handler()
    {
        var behavior = new UnitOfWorkBehavior<CastVote, string>(_unitOfWork);

        var result = await behavior.Handle(new CastVote("yes"), (m, _) =>
        {
            _unitOfWork.Log.Add($"handler (active: {_unitOfWork.IsActive})");
            return ValueTask.FromResult($"voted {m.Choice}");
        }, CancellationToken.None);

        result.ShouldBe("voted yes");
        _unitOfWork.Log.ShouldBe(["begin", "handler (active: True)", "complete", "dispose"]);
        _unitOfWork.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task A_query_runs_without_a_unit_of_work()
    {
        var behavior = new UnitOfWorkBehavior<GetTally, int>(_unitOfWork);

        var result = await behavior.Handle(new GetTally(Guid.Empty), (_, _) =>
        {
            _unitOfWork.Log.Add($"handler (active: {_unitOfWork.IsActive})");
            return ValueTask.FromResult(42);
        }, CancellationToken.None);

        result.ShouldBe(42);
        _unitOfWork.Log.ShouldBe(["handler (active: False)"]);
    }

    [Fact]
    public async Task A_command_sent_from_inside_another_joins_the_outer_unit_of_work()
    {
        var outer = new UnitOfWorkBehavior<CastVote, string>(_unitOfWork);
        var inner = new UnitOfWorkBehavior<CastVote, string>(_unitOfWork);

        var result = await outer.Handle(new CastVote("yes"), async (m, ct) =>
        {
            var innerResult = await inner.Handle(new CastVote("recount"), (n, _) =>
            {
                _unitOfWork.Log.Add("inner handler");
                return ValueTask.FromResult(n.Choice);
            }, ct);
            _unitOfWork.Log.Add("outer handler");
            return $"{m.Choice}+{innerResult}";
        }, CancellationToken.None);

        result.ShouldBe("yes+recount");
        _unitOfWork.Log.ShouldBe(["begin", "inner handler", "outer handler", "complete", "dispose"]);
    }

    [Fact]
    public async Task When_the_handler_throws_the_unit_of_work_is_disposed_without_completing()
    {
        var behavior = new UnitOfWorkBehavior<CastVote, string>(_unitOfWork);

        var error = await Should.ThrowAsync<InvalidOperationException>(async () => await behavior.Handle(
            new CastVote("yes"),
            (_, _) => throw new InvalidOperationException("The ballot is closed."),
            CancellationToken.None));

        error.Message.ShouldBe("The ballot is closed.");
        _unitOfWork.Log.ShouldBe(["begin", "dispose"]);
        _unitOfWork.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task When_completing_fails_the_error_reaches_the_caller_and_the_scope_is_disposed()
    {
        _unitOfWork.FailOnComplete = true;
        var behavior = new UnitOfWorkBehavior<CastVote, string>(_unitOfWork);

        await Should.ThrowAsync<TimeoutException>(async () => await behavior.Handle(
            new CastVote("yes"),
            (m, _) => ValueTask.FromResult(m.Choice),
            CancellationToken.None));

        _unitOfWork.Log.ShouldBe(["begin", "complete", "dispose"]);
    }

    private sealed class RecordingUnitOfWork : IUnitOfWork
    {
        public List<string> Log { get; } = [];

        public bool FailOnComplete { get; set; }

        public bool IsActive { get; private set; }

        public Task<IUnitOfWorkScope> BeginAsync(CancellationToken cancellationToken = default)
        {
            IsActive.ShouldBeFalse("a unit of work was begun inside another");
            IsActive = true;
            Log.Add("begin");
            return Task.FromResult<IUnitOfWorkScope>(new Scope(this));
        }

        public Task SaveChangesAsync(CancellationToken cancellationToken = default)
        {
            Log.Add("save");
            return Task.CompletedTask;
        }

        public Task OnCommittedAsync(Func<Task> action)
        {
            Log.Add("on-committed");
            return Task.CompletedTask;
        }

        private sealed class Scope(RecordingUnitOfWork owner) : IUnitOfWorkScope
        {
            public Task CompleteAsync(CancellationToken cancellationToken = default)
            {
                owner.Log.Add("complete");
                return owner.FailOnComplete ? Task.FromException(new TimeoutException("commit timed out")) : Task.CompletedTask;
            }

            public ValueTask DisposeAsync()
            {
                owner.Log.Add("dispose");
                owner.IsActive = false;
                return ValueTask.CompletedTask;
            }
        }
    }
}
