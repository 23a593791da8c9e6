package io.herokusdk.api.data;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.herokusdk.api.NotFoundException;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.AddOn;
import io.herokusdk.api.model.AddOnAttachment;
import io.herokusdk.api.model.AddOnCreateRequest;
import io.herokusdk.api.model.Formation;
import io.herokusdk.api.workflow.Dynos;
import io.herokusdk.api.workflow.Workflows;
import io.herokusdk.core.Waiter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Changes an app's {@code DATABASE} to a new plan with a few minutes of downtime, the way
 * Heroku documents it: a follower on the new plan, caught up; maintenance on and the non-web
 * process types at 0; the follower 0 commits behind; unfollow; promote; the formation back;
 * maintenance off.
 *
 * <p>{@link #plan()} prints what it will do and changes nothing. {@link #run} reports every step
 * as it happens and records its progress in a {@link ChangeoverJournal} after each one, so running
 * it again after a crash resumes where it stopped. If a step fails, maintenance mode and the
 * formation are put back before {@link ChangeoverFailedException} is thrown. Get one from
 * {@link Postgres#changeover(String, String)}.
 *
 * <pre>{@code
 * Changeover changeover = heroku.data().postgres().changeover("shop", "standard-2")
 *     .journal(ChangeoverJournal.file(Path.of("changeover.json")))
 *     .build();
 * System.out.print(changeover.plan());
 * ChangeoverResult result = changeover.run(System.out::println);
 * }</pre>
 */
public final class Changeover {
  private static final String DATABASE = Promote.DATABASE;

  private final WorkflowContext context;
  private final Postgres postgres;
  private final Waiter waiter;
  private final String app;
  private final String plan;
  private final @Nullable Set<String> stopTypes;
  private final long caughtUpWithin;
  private final ChangeoverJournal journal;
  private final JsonAdapter<Map<String, Object>> json;

  private Changeover(Builder b) {
    this.context = b.context;
    this.postgres = b.postgres;
    this.waiter = b.waiter;
    this.app = b.app;
    this.plan = b.plan;
    this.stopTypes = b.stopTypes;
    this.caughtUpWithin = b.caughtUpWithin;
    this.journal = b.journal;
    this.json = context.runtime().moshi().adapter(
        Types.newParameterizedType(Map.class, String.class, Object.class));
  }

  /** Configures a {@link Changeover}; from {@link Postgres#changeover(String, String)}. */
  public static final class Builder {
    private final WorkflowContext context;
    private final Postgres postgres;
    private final Waiter waiter;
    private final String app;
    private final String plan;
    private @Nullable Set<String> stopTypes;
    private long caughtUpWithin = 100;
    private ChangeoverJournal journal = ChangeoverJournal.inMemory();

    Builder(WorkflowContext context, Postgres postgres, Waiter waiter, String app, String plan) {
      this.context = context;
      this.postgres = postgres;
      this.waiter = waiter;
      this.app = Objects.requireNonNull(app, "app == null");
      this.plan = Postgres.fullPlan(plan);
    }

    /**
     * The process types to scale to 0 during the downtime. Default: every type with dynos except
     * {@code web} (which keeps serving the maintenance page) and {@code release}.
     *
     * @param types the process types, like {@code worker}; those without dynos are left alone,
     *     and an empty set stops none
     * @return this builder
     */
    public Builder stopProcessTypes(Set<String> types) {
      this.stopTypes = Set.copyOf(types);
      return this;
    }

    /**
     * How many commits behind the follower may be when the downtime starts (default 100); the
     * rest it catches up with the app stopped.
     *
     * @param commits how many commits behind, 0 or more; 0 waits for all of them before the
     *     downtime
     * @return this builder
     */
    public Builder caughtUpWithin(long commits) {
      if (commits < 0) throw new IllegalArgumentException("commits < 0");
      this.caughtUpWithin = commits;
      return this;
    }

    /**
     * Where progress is recorded (default in memory). Use {@link ChangeoverJournal#file} so that
     * a run after a crash resumes.
     *
     * @param journal where to load and save the record; one that records a changeover of
     *     another app or plan makes {@link Changeover#plan()} and {@link Changeover#run} throw
     * @return this builder
     */
    public Builder journal(ChangeoverJournal journal) {
      this.journal = Objects.requireNonNull(journal, "journal == null");
      return this;
    }

    /**
     * The changeover; nothing happens until {@link Changeover#run}.
     *
     * @return a changeover with this builder's settings
     */
    public Changeover build() {
      return new Changeover(this);
    }
  }

  /**
   * The dry run: what {@link #run} would do now, from the app's current state (GETs only).
   *
   * @return every step in order, those the journal records as done marked so
   * @throws IllegalStateException if the journal records a different changeover
   */
  public ChangeoverPlan plan() {
    State s = loadState();
    String previous = s.previous != null ? s.previous : currentDatabase().addon().name();
    String follower = s.follower != null ? s.follower : "the follower";
    String previousPlan = context.heroku().addOns().infoByApp(app, previous).plan().name();
    Map<String, Long> toStop = s.formation != null ? s.formation : formationToStop();
    boolean maintenanceBefore = s.maintenanceBefore != null ? s.maintenanceBefore
        : Boolean.TRUE.equals(context.heroku().apps().info(app).maintenance());
    List<ChangeoverPlan.Step> steps = new ArrayList<>();
    for (ChangeoverStep step : ChangeoverStep.values()) {
      String what = switch (step) {
        case CREATE_FOLLOWER -> "create " + (s.follower != null ? s.follower : "a follower")
            + " on " + plan + " following " + previous
            + " (" + previousPlan + ") and wait until it is available";
        case WAIT_CAUGHT_UP -> "wait until it is within " + caughtUpWithin + " commits of "
            + previous;
        case MAINTENANCE_ON -> maintenanceBefore ? "maintenance mode is on already: leave it on"
            : "turn maintenance mode on";
        case SCALE_DOWN -> toStop.isEmpty() ? "no process type to stop (web keeps serving the"
            + " maintenance page)" : "scale " + describe(toStop, "%s=%d -> 0");
        case WAIT_ZERO_BEHIND -> "wait until " + follower + " is 0 commits behind";
        case UNFOLLOW -> "unfollow " + follower + ": it becomes writable";
        case PROMOTE -> "promote " + follower + " to DATABASE_URL; " + previous
            + " stays attached under a second name";
        case RESTORE_FORMATION -> toStop.isEmpty() ? "no formation to restore"
            : "scale " + describe(toStop, "%s back to %d");
        case MAINTENANCE_OFF -> maintenanceBefore ? "leave maintenance mode on, as it was"
            : "turn maintenance mode off";
      };
      steps.add(new ChangeoverPlan.Step(step, what, s.done.contains(step)));
    }
    return new ChangeoverPlan(app, previous, plan, steps);
  }

  /**
   * Runs the changeover, or resumes it from the journal, reporting each step to {@code events}.
   *
   * @param events sees each step started, polled and done, or skipped when an earlier run did
   *     it; on a failure, the step failed and what was restored
   * @return the previous and the promoted add-on, the plan and every step
   * @throws ChangeoverFailedException if a step failed (maintenance and formation put back)
   * @throws IllegalStateException if the journal records a different changeover
   */
  public ChangeoverResult run(Consumer<? super ChangeoverEvent> events) {
    Objects.requireNonNull(events, "events == null");
    State s = loadState();
    if (s.previous == null) {
      s.previous = currentDatabase().addon().name();
      s.follower = followerName();
      save(s);
    }
    for (ChangeoverStep step : ChangeoverStep.values()) {
      if (s.done.contains(step)) {
        events.accept(new ChangeoverEvent(step, ChangeoverEvent.Kind.SKIPPED,
            "done by an earlier run"));
        continue;
      }
      events.accept(new ChangeoverEvent(step, ChangeoverEvent.Kind.STARTED, started(step, s)));
      String done;
      try {
        done = perform(step, s, message -> events.accept(
            new ChangeoverEvent(step, ChangeoverEvent.Kind.PROGRESS, message)));
        s.done.add(step);
        save(s);
      } catch (RuntimeException e) {
        s.done.remove(step);
        events.accept(new ChangeoverEvent(step, ChangeoverEvent.Kind.FAILED,
            String.valueOf(e.getMessage())));
        throw restoreAfter(step, s, e, events);
      }
      events.accept(new ChangeoverEvent(step, ChangeoverEvent.Kind.DONE, done));
    }
    return new ChangeoverResult(app, Objects.requireNonNull(s.previous),
        Objects.requireNonNull(s.follower), plan, List.of(ChangeoverStep.values()));
  }

  private String started(ChangeoverStep step, State s) {
    return switch (step) {
      case CREATE_FOLLOWER -> "creating " + s.follower + " on " + plan + " following " + s.previous;
      case WAIT_CAUGHT_UP -> "waiting until " + s.follower + " is within " + caughtUpWithin
          + " commits";
      case MAINTENANCE_ON -> "turning maintenance mode on";
      case SCALE_DOWN -> "scaling the non-web process types to 0";
      case WAIT_ZERO_BEHIND -> "waiting until " + s.follower + " is 0 commits behind";
      case UNFOLLOW -> "unfollowing " + s.follower;
      case PROMOTE -> "promoting " + s.follower + " to DATABASE_URL";
      case RESTORE_FORMATION -> "restoring the formation";
      case MAINTENANCE_OFF -> "turning maintenance mode off";
    };
  }

  private String perform(ChangeoverStep step, State s, Consumer<String> progress) {
    String follower = Objects.requireNonNull(s.follower);
    Dynos dynos = new Workflows(context, waiter).dynos();
    switch (step) {
      case CREATE_FOLLOWER -> {
        createOrAwaitFollower(s);
        postgres.waitUntilAvailable(follower, w -> progress.accept(
            w.message() == null ? "waiting" : w.message()));
        return follower + " is available";
      }
      case WAIT_CAUGHT_UP -> {
        long behind = awaitBehind(follower, caughtUpWithin, progress);
        return follower + " is " + behind + " commits behind";
      }
      case MAINTENANCE_ON -> {
        if (s.maintenanceBefore == null) {
          s.maintenanceBefore = Boolean.TRUE.equals(context.heroku().apps().info(app)
              .maintenance());
          save(s);
        }
        if (s.maintenanceBefore) return "maintenance mode was on already";
        dynos.maintenance(app, true);
        return "maintenance mode is on";
      }
      case SCALE_DOWN -> {
        if (s.formation == null) {
          s.formation = formationToStop();
          save(s);
        }
        if (s.formation.isEmpty()) return "no process type to stop";
        dynos.scale(app, scales(s.formation, true));
        return "scaled " + describe(s.formation, "%s=%d -> 0");
      }
      case WAIT_ZERO_BEHIND -> {
        awaitBehind(follower, 0, progress);
        return follower + " has every commit";
      }
      case UNFOLLOW -> {
        if (postgres.info(follower).isFollower()) postgres.unfollow(follower);
        postgres.waitUntilAvailable(follower, w -> progress.accept(
            w.message() == null ? "waiting" : w.message()));
        return follower + " is writable";
      }
      case PROMOTE -> {
        if (currentDatabase().addon().name().equals(follower)) {
          return follower + " was DATABASE_URL already";
        }
        PromoteResult promoted = postgres.promote(app, follower, false);
        return follower + " is DATABASE_URL; " + s.previous + " is "
            + promoted.previousAttachment() + "_URL";
      }
      case RESTORE_FORMATION -> {
        Map<String, Long> formation = Objects.requireNonNullElse(s.formation, Map.of());
        if (formation.isEmpty()) return "no formation to restore";
        dynos.scale(app, scales(formation, false));
        return "scaled " + describe(formation, "%s back to %d");
      }
      case MAINTENANCE_OFF -> {
        if (Boolean.TRUE.equals(s.maintenanceBefore)) return "maintenance mode stays on, as it was";
        dynos.maintenance(app, false);
        return "maintenance mode is off";
      }
      default -> throw new AssertionError(step);
    }
  }

  private void createOrAwaitFollower(State s) {
    String follower = Objects.requireNonNull(s.follower);
    Workflows workflows = new Workflows(context, waiter);
    try {
      context.heroku().addOns().infoByApp(app, follower);
    } catch (NotFoundException notCreatedYet) {
      workflows.addOns().createAndWait(app, new AddOnCreateRequest(null,
          Map.of("follow", Objects.requireNonNull(s.previous)), null, plan, follower));
      return;
    }
    workflows.addOns().waitFor(app, follower);
  }

  private long awaitBehind(String follower, long commits, Consumer<String> progress) {
    PostgresInfo info = waiter.until(follower + " to be within " + commits + " commits of its"
        + " leader", () -> stillFollowing(follower, postgres.info(follower)),
        i -> behind(i) <= commits,
        i -> progress.accept(i.waiting() ? "preparing" : "behind by " + (i.behindBy() == null
            ? "an unknown number of commits" : i.behindBy())));
    return behind(info);
  }

  private static long behind(PostgresInfo info) {
    if (info.waiting()) return Long.MAX_VALUE;
    return info.behindByCommits().orElse(Long.MAX_VALUE);
  }

  /**
   * A follower that stopped following before UNFOLLOW misses the writes made since: promoting
   * it would lose them, so the changeover stops instead of reading "not a follower" as caught up.
   */
  private static PostgresInfo stillFollowing(String follower, PostgresInfo info) {
    if (!info.waiting() && !info.isFollower()) {
      throw new IllegalStateException(follower + " no longer follows its leader: it was"
          + " unfollowed outside this changeover and misses the writes made since. Destroy it"
          + " and run the changeover again with a new journal");
    }
    return info;
  }

  /**
   * Puts maintenance and formation back after {@code failed} failed, records that in the
   * journal, and returns the exception to throw.
   */
  private ChangeoverFailedException restoreAfter(ChangeoverStep failed, State s,
      RuntimeException cause, Consumer<? super ChangeoverEvent> events) {
    List<String> undone = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    Dynos dynos = new Workflows(context, waiter).dynos();
    boolean promoted = s.done.contains(ChangeoverStep.PROMOTE);
    if (s.formation != null && !s.done.contains(ChangeoverStep.RESTORE_FORMATION)) {
      try {
        if (!s.formation.isEmpty()) dynos.scale(app, scales(s.formation, false));
        undone.add(s.formation.isEmpty() ? "no formation to restore"
            : "scaled " + describe(s.formation, "%s back to %d"));
        events.accept(new ChangeoverEvent(failed, ChangeoverEvent.Kind.RESTORED, undone.get(
            undone.size() - 1)));
        s.done.remove(ChangeoverStep.SCALE_DOWN);
        if (promoted) s.done.add(ChangeoverStep.RESTORE_FORMATION);
        s.formation = promoted ? s.formation : null;
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
        manual.add("heroku ps:scale " + describe(s.formation, "%s=%d") + " -a " + app);
      }
    }
    if (Boolean.FALSE.equals(s.maintenanceBefore)
        && !s.done.contains(ChangeoverStep.MAINTENANCE_OFF)) {
      try {
        dynos.maintenance(app, false);
        undone.add("maintenance mode is off");
        events.accept(new ChangeoverEvent(failed, ChangeoverEvent.Kind.RESTORED,
            "maintenance mode is off"));
        s.done.remove(ChangeoverStep.MAINTENANCE_ON);
        if (promoted) s.done.add(ChangeoverStep.MAINTENANCE_OFF);
        s.maintenanceBefore = promoted ? s.maintenanceBefore : null;
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
        manual.add("heroku maintenance:off -a " + app);
      }
    }
    String stale = null;
    boolean unfollowed = s.done.contains(ChangeoverStep.UNFOLLOW)
        || (failed == ChangeoverStep.UNFOLLOW && mayHaveUnfollowed(s.follower, cause));
    if (unfollowed && !promoted && manual.isEmpty()) {
      // The app wrote to the old database again: the unfollowed copy misses those writes.
      stale = s.follower;
      s.follower = followerName();
      s.done.clear();
    }
    try {
      save(s);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
    StringBuilder message = new StringBuilder("changeover of " + s.previous + " on " + app
        + " to " + plan + " failed at " + failed + ": " + cause.getMessage());
    if (manual.isEmpty()) {
      message.append(undone.isEmpty() ? "; the app was not stopped"
          : "; restored: " + String.join(", ", undone));
    } else {
      message.append("; could not restore everything, run: ").append(String.join(" && ", manual));
    }
    if (stale != null) {
      message.append("; ").append(stale).append(" was unfollowed and misses the writes made since:"
          + " a new run creates a new follower (destroy ").append(stale).append(" when done)");
    } else {
      message.append("; run the changeover again with the same journal to resume at ")
          .append(failed);
    }
    return new ChangeoverFailedException(failed, manual.isEmpty(), message.toString(), cause);
  }

  /**
   * Whether UNFOLLOW, failing with {@code cause}, may have unfollowed {@code follower} all the
   * same (a lost answer, or a wait that failed after the request): asks, and assumes so when the
   * answer does not say it still follows.
   */
  private boolean mayHaveUnfollowed(@Nullable String follower, RuntimeException cause) {
    if (follower == null) return false;
    try {
      return !postgres.info(follower).isFollower();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      return true;
    }
  }

  private AddOnAttachment currentDatabase() {
    return context.heroku().addOnAttachments().listByApp(app).stream()
        .filter(a -> a.name().equals(DATABASE) && a.namespace() == null).findFirst()
        .orElseThrow(() -> new IllegalStateException(app + " has no DATABASE attachment to"
            + " change over; see `heroku addons -a " + app + "`"));
  }

  private Map<String, Long> formationToStop() {
    Map<String, Long> stop = new TreeMap<>();
    for (Formation f : context.heroku().formation().list(app)) {
      boolean chosen = stopTypes != null ? stopTypes.contains(f.type())
          : !f.type().equals("web") && !f.type().equals("release");
      if (chosen && f.quantity() != null && f.quantity() > 0) stop.put(f.type(), f.quantity());
    }
    return stop;
  }

  private static Map<String, Dynos.Scale> scales(Map<String, Long> formation, boolean toZero) {
    Map<String, Dynos.Scale> scales = new LinkedHashMap<>();
    formation.forEach((type, quantity) -> scales.put(type,
        Dynos.Scale.quantity(toZero ? 0 : quantity)));
    return scales;
  }

  private static String describe(Map<String, Long> formation, String format) {
    return formation.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, format, e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private String followerName() {
    String base = app.length() > 40 ? app.substring(0, 40) : app;
    return base + "-changeover-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // The journal's record.

  private State loadState() {
    String text = journal.load().orElse(null);
    if (text == null) return new State();
    Map<String, Object> record;
    try {
      record = Objects.requireNonNull(json.fromJson(text));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the changeover journal " + journal + " is not a"
          + " changeover record; remove it to start over", e);
    }
    if (!app.equals(record.get("app")) || !plan.equals(record.get("plan"))) {
      throw new IllegalStateException("the changeover journal " + journal + " records a"
          + " changeover of " + record.get("app") + " to " + record.get("plan") + ", not of "
          + app + " to " + plan + "; use another journal");
    }
    State s = new State();
    s.previous = Json.string(record, "previous");
    s.follower = Json.string(record, "follower");
    s.maintenanceBefore = Json.optionalFlag(record, "maintenance_before");
    if (record.get("formation") instanceof Map<?, ?> formation) {
      s.formation = new TreeMap<>();
      for (Map.Entry<?, ?> e : formation.entrySet()) {
        if (e.getValue() instanceof Number n) s.formation.put(String.valueOf(e.getKey()),
            n.longValue());
      }
    }
    for (String step : Json.strings(record.get("done"))) {
      s.done.add(ChangeoverStep.valueOf(step));
    }
    return s;
  }

  private void save(State s) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("app", app);
    record.put("plan", plan);
    record.put("previous", s.previous);
    record.put("follower", s.follower);
    record.put("maintenance_before", s.maintenanceBefore);
    record.put("formation", s.formation);
    record.put("done", s.done.stream().map(Enum::name).toList());
    journal.save(json.indent("  ").toJson(record));
  }

  /** What the journal records. */
  private static final class State {
    @Nullable String previous;
    @Nullable String follower;
    @Nullable Boolean maintenanceBefore;
    @Nullable Map<String, Long> formation;
    final Set<ChangeoverStep> done = EnumSet.noneOf(ChangeoverStep.class);
  }

  @Override
  public String toString() {
    return "Changeover{" + app + " to " + plan + ", " + journal + "}";
  }
}
