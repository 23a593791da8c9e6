package io.herokusdk.api.data;

import io.herokusdk.api.NotFoundException;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.AddOn;
import io.herokusdk.api.workflow.Workflows;
import io.herokusdk.core.Waiter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Heroku Postgres through the Data API: {@code pg:info}, {@code pg:wait}, {@code pg:backups},
 * {@code pg:credentials}, followers and forks, {@code pg:promote}, {@code pg:unfollow}, {@code
 * pg:killall}, connection pooling and the plan {@link #changeover changeover}. A
 * {@code database} is the add-on's name or id. Thread-safe.
 *
 * <pre>{@code
 * PostgresInfo info = heroku.data().postgres().info("postgresql-curved-12345");
 * System.out.println(info.plan() + " " + info.connections() + "/" + info.connectionLimit());
 * }</pre>
 */
public final class Postgres {
  /** How many 404s {@link #waitUntilAvailable} takes for "still provisioning", as the CLI. */
  static final int NOT_FOUND_WHILE_PROVISIONING = 20;

  private final WorkflowContext context;
  private final DataService service;
  private final Waiter waiter;

  Postgres(WorkflowContext context, DataService service, Waiter waiter) {
    this.context = context;
    this.service = service;
    this.waiter = waiter;
  }

  /**
   * {@code pg:info}: plan, status, connections, version, size, tables, followers, lag.
   *
   * @param database the add-on's name or id, like {@code postgresql-curved-12345}
   * @return the database's info as the Data API reports it now
   * @throws NotFoundException if the Data API does not know it (yet: see {@link
   *     #waitUntilAvailable(String)})
   */
  public PostgresInfo info(String database) {
    return PostgresInfo.from(context.runtime().execute(service.database(db(database))));
  }

  /**
   * The database's {@code wait_status} now.
   *
   * @param database the add-on's name or id
   * @return whether it is still being prepared, and why
   */
  public WaitStatus waitStatus(String database) {
    return WaitStatus.from(context.runtime().execute(service.waitStatus(db(database))));
  }

  /**
   * {@link #waitUntilAvailable(String, Consumer)} without progress.
   *
   * @param database the add-on's name or id
   * @return the last status polled: not waiting, no error
   */
  public WaitStatus waitUntilAvailable(String database) {
    return waitUntilAvailable(database, s -> { });
  }

  /**
   * {@code pg:wait}: polls {@code wait_status} until the database is no longer waiting. While
   * it is provisioning the Data API may not know it yet: up to 20 "not found" answers count as
   * {@code provisioning}, as in the CLI.
   *
   * @param database the add-on's name or id
   * @param progress sees every status polled (its message, like {@code provisioning})
   * @return the last status polled: not waiting, no error
   * @throws DatabaseUnavailableException if the status reports an error, or it stays unknown
   * @throws io.herokusdk.core.WaitTimeoutException if it is still waiting at the deadline
   */
  public WaitStatus waitUntilAvailable(String database, Consumer<? super WaitStatus> progress) {
    String id = db(database);
    Objects.requireNonNull(progress, "progress == null");
    int[] notFound = {0};
    WaitStatus last = waiter.until("database " + database + " to be available", () -> {
      try {
        return WaitStatus.from(context.runtime().execute(service.waitStatus(id)));
      } catch (NotFoundException e) {
        if (++notFound[0] > NOT_FOUND_WHILE_PROVISIONING) {
          throw new DatabaseUnavailableException(database, "not found after "
              + NOT_FOUND_WHILE_PROVISIONING + " polls; check the add-on's name with"
              + " `heroku addons` (request " + e.requestId() + ")");
        }
        return new WaitStatus(true, "provisioning", false);
      }
    }, s -> !s.waiting() || s.error(), progress);
    if (last.error()) {
      throw new DatabaseUnavailableException(database,
          last.message() == null ? "the Data API reported an error" : last.message());
    }
    return last;
  }

  /**
   * Backups: capture, list, info, download, restore, cancel, delete, schedules.
   *
   * @return the backup operations, waiting with this instance's waiter
   */
  public Backups backups() {
    return new Backups(context, service, waiter);
  }

  /**
   * {@code pg:credentials}: the database's credentials, without passwords.
   *
   * @param database the add-on's name or id
   * @return every credential of the database, the owner's {@code default} one included
   */
  public List<PostgresCredential> credentials(String database) {
    return context.runtime().execute(service.credentials(db(database))).stream()
        .map(PostgresCredential::from).toList();
  }

  /**
   * {@code pg:credentials:create --name name}: creates a credential (not attached yet).
   *
   * @param database the add-on's name or id
   * @param name the new credential's name, like {@code analyst}
   */
  public void createCredential(String database, String name) {
    context.runtime().executeDiscardingBody(service.createCredential(db(database),
        Map.of("name", Objects.requireNonNull(name, "name == null"))));
  }

  /**
   * {@code pg:credentials:rotate --name credential}: new password (and user) for one
   * credential; {@code forced} ends its open connections at once instead of waiting.
   *
   * @param database the add-on's name or id
   * @param credential the credential's {@link PostgresCredential#name() name}, like {@code
   *     default}
   * @param forced true to end the connections that use it at once (the CLI's {@code --force})
   */
  public void rotateCredential(String database, String credential, boolean forced) {
    context.runtime().executeDiscardingBody(service.rotateCredential(db(database),
        context.runtime().segment("credential", credential), Map.of("forced", forced)));
  }

  /**
   * {@code pg:credentials:rotate --all}: rotates every credential of the database.
   *
   * @param database the add-on's name or id
   * @param forced true to end the open connections at once (the CLI's {@code --force})
   */
  public void rotateAllCredentials(String database, boolean forced) {
    context.runtime().executeDiscardingBody(service.rotateAllCredentials(db(database),
        Map.of("forced", forced)));
  }

  /**
   * {@code heroku addons:create heroku-postgresql:PLAN --follow LEADER}: creates a follower (a
   * read-only replica) and waits until it is provisioned and available. It may still be behind
   * its leader then: {@link PostgresInfo#behindByCommits()}.
   *
   * @param app the app the follower is created on and attached to
   * @param leader the leader's config var ({@code DATABASE_URL}) or add-on name
   * @param plan the follower's plan, like {@code standard-2} or {@code heroku-postgresql:standard-2}
   * @param attachmentName the follower's attachment name, or null for Heroku's colour name
   * @param progress sees every {@code wait_status} polled once the add-on is provisioned
   * @return the follower's add-on, provisioned and available
   * @throws io.herokusdk.api.workflow.AddOnProvisioningException if provisioning failed
   * @throws DatabaseUnavailableException if its preparation reported an error
   */
  public AddOn createFollower(String app, String leader, String plan,
      @Nullable String attachmentName, Consumer<? super WaitStatus> progress) {
    return createFrom(app, "follow", leader, plan, attachmentName, progress);
  }

  /**
   * {@code heroku addons:create heroku-postgresql:PLAN --fork SOURCE}: creates a fork (a writable
   * copy) and waits until it is provisioned and available.
   *
   * @param app the app the fork is created on and attached to
   * @param source the source's config var ({@code DATABASE_URL}) or add-on name
   * @param plan the fork's plan, like {@code standard-2} or {@code heroku-postgresql:standard-2}
   * @param attachmentName the fork's attachment name, or null for Heroku's colour name
   * @param progress sees every {@code wait_status} polled once the add-on is provisioned
   * @return the fork's add-on, provisioned and available
   * @see #createFollower
   */
  public AddOn createFork(String app, String source, String plan, @Nullable String attachmentName,
      Consumer<? super WaitStatus> progress) {
    return createFrom(app, "fork", source, plan, attachmentName, progress);
  }

  private AddOn createFrom(String app, String option, String source, String plan,
      @Nullable String attachmentName, Consumer<? super WaitStatus> progress) {
    Objects.requireNonNull(source, option + " == null");
    Objects.requireNonNull(progress, "progress == null");
    AddOn created = new Workflows(context, waiter).addOns().createAndWait(app, fullPlan(plan),
        Map.of(option, source), attachmentName);
    waitUntilAvailable(created.id(), progress);
    return created;
  }

  /** {@code standard-2} as {@code heroku-postgresql:standard-2}; a full plan name as it is. */
  static String fullPlan(String plan) {
    Objects.requireNonNull(plan, "plan == null");
    return plan.contains(":") ? plan : "heroku-postgresql:" + plan;
  }

  /**
   * {@code pg:promote}: makes {@code database} the app's {@code DATABASE_URL}, as the CLI does.
   * The database that was {@code DATABASE} stays attached under a second name (one it has, or a
   * new colour name); a {@code DATABASE_CONNECTION_POOL} pooler moves along; with a release
   * phase, waits for the "Attach DATABASE" release. A follower stays a follower (read-only):
   * {@link #unfollow} it first, or see {@link PromoteResult#stillFollowing()}.
   *
   * @param app the app whose {@code DATABASE_URL} changes
   * @param database the add-on's name or id, or its attachment name ({@code HEROKU_POSTGRESQL_AMBER})
   * @param force promote even while the database is not available (the CLI's {@code --force})
   * @return what changed: the previous add-on's new attachment name, whether the pooler moved
   * @throws PromoteException if it is not attached to the app, already {@code DATABASE}, or the
   *     release failed
   * @throws DatabaseUnavailableException if it is not available and {@code force} is false
   */
  public PromoteResult promote(String app, String database, boolean force) {
    Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(database, "database == null");
    return new Promote(context, this, waiter).run(app, database, force);
  }

  /**
   * The documented low-downtime change of the app's {@code DATABASE} to {@code plan}: configure
   * it, print its {@link Changeover#plan() plan}, then {@link Changeover#run run} it.
   *
   * @param app the app whose {@code DATABASE} changes plan
   * @param plan the new plan, like {@code standard-2}
   * @return a builder for the changeover; nothing happens until {@link Changeover#run}
   */
  public Changeover.Builder changeover(String app, String plan) {
    return new Changeover.Builder(context, this, waiter, app, plan);
  }

  /**
   * {@code pg:unfollow}: makes a follower a writable database of its own.
   *
   * @param database the follower's add-on name or id
   */
  public void unfollow(String database) {
    context.runtime().executeDiscardingBody(service.unfollow(db(database), Map.of()));
  }

  /**
   * {@code pg:killall}: ends every connection to the database.
   *
   * @param database the add-on's name or id
   */
  public void resetConnections(String database) {
    context.runtime().executeDiscardingBody(service.connectionReset(db(database), Map.of()));
  }

  /**
   * {@code pg:connection-pooling:attach}: attaches the database's PgBouncer pool to {@code app}
   * (not on Essential plans).
   *
   * @param database the add-on's name or id
   * @param app the app to attach the pool to
   * @param name the attachment name, or null for {@code DATABASE_CONNECTION_POOL}
   * @return the attachment's name (its config var is {@code <name>_URL})
   */
  public String attachConnectionPooling(String database, String app, @Nullable String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("app", Objects.requireNonNull(app, "app == null"));
    body.put("credential", "default");
    if (name != null) body.put("name", name);
    Map<String, Object> json = context.runtime().execute(service.connectionPooling(db(database),
        body));
    String attached = json == null ? null : Json.string(json, "name");
    return attached != null ? attached : name != null ? name : "DATABASE_CONNECTION_POOL";
  }

  private String db(String database) {
    return context.runtime().segment("database", database);
  }

  @Override
  public String toString() {
    return "Postgres{" + waiter + "}";
  }
}
