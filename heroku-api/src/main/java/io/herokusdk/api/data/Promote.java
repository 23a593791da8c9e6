package io.herokusdk.api.data;

import io.herokusdk.api.Range;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.AddOnAttachment;
import io.herokusdk.api.model.AddOnAttachmentCreateRequest;
import io.herokusdk.api.model.Release;
import io.herokusdk.api.model.ReleaseStatus;
import io.herokusdk.core.Waiter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pg:promote}, in the CLI's order: keep the current primary reachable under a second
 * attachment, check the new one is available, attach it as {@code DATABASE}, move the pooler's
 * {@code DATABASE_CONNECTION_POOL}, and with a release phase wait for the "Attach DATABASE"
 * release.
 */
final class Promote {
  static final String DATABASE = "DATABASE";
  static final String POOL = "DATABASE_CONNECTION_POOL";
  static final String POOL_NAMESPACE = "connection-pooling:default";
  private static final Logger log = LoggerFactory.getLogger(Promote.class);

  private final WorkflowContext context;
  private final Postgres postgres;
  private final Waiter waiter;

  Promote(WorkflowContext context, Postgres postgres, Waiter waiter) {
    this.context = context;
    this.postgres = postgres;
    this.waiter = waiter;
  }

  PromoteResult run(String app, String database, boolean force) {
    List<AddOnAttachment> attachments = context.heroku().addOnAttachments().listByApp(app)
        .stream().toList();
    AddOnAttachment target = attachmentOf(attachments, database);
    if (target == null) {
      throw new PromoteException(app, database, "it is not attached to the app (no add-on or attachment"
          + " of that name); see `heroku addons -a " + app + "`");
    }
    String addOn = target.addon().name();
    AddOnAttachment current = attachments.stream()
        .filter(a -> a.name().equals(DATABASE) && a.namespace() == null).findFirst().orElse(null);
    String previousAttachment = null;
    if (current != null) {
      if (current.addon().id().equals(target.addon().id())) {
        throw new PromoteException(app, database, addOn + " is already DATABASE_URL");
      }
      previousAttachment = attachments.stream()
          .filter(a -> a.addon().id().equals(current.addon().id()) && a.namespace() == null
              && !a.name().equals(DATABASE))
          .map(AddOnAttachment::name).findFirst()
          .orElseGet(() -> context.heroku().addOnAttachments().create(
              new AddOnAttachmentCreateRequest(current.addon().id(), app, app, null, null, null))
              .name());
      log.info("{} stays reachable as {}_URL on {}", current.addon().name(), previousAttachment,
          app);
    }
    if (!force) {
      WaitStatus status = postgres.waitStatus(target.addon().id());
      if (status.waiting() || status.error()) {
        throw new DatabaseUnavailableException(addOn, "cannot be promoted while "
            + (status.message() == null ? "not available" : status.message())
            + "; wait with waitUntilAvailable, or promote with force to accept errors");
      }
    }
    context.heroku().addOnAttachments().create(
        new AddOnAttachmentCreateRequest(target.addon().id(), app, app, DATABASE, null, null));
    boolean poolerMoved = false;
    if (current != null) {
      AddOnAttachment pooler = attachments.stream()
          .filter(a -> a.name().equals(POOL) && POOL_NAMESPACE.equals(a.namespace())
              && a.addon().id().equals(current.addon().id()))
          .findFirst().orElse(null);
      if (pooler != null) {
        context.heroku().addOnAttachments().create(new AddOnAttachmentCreateRequest(
            target.addon().id(), app, app, POOL, POOL_NAMESPACE, null));
        poolerMoved = true;
      }
    }
    boolean following = postgres.info(target.addon().id()).isFollower();
    if (following) {
      log.warn("{} is DATABASE_URL on {} but still follows its leader, so it is read-only;"
          + " unfollow it to make it writable", addOn, app);
    }
    if (hasReleasePhase(app)) awaitAttachRelease(app, database);
    return new PromoteResult(app, addOn, current == null ? null : current.addon().name(),
        previousAttachment, poolerMoved, following);
  }

  private static @Nullable AddOnAttachment attachmentOf(List<AddOnAttachment> attachments,
      String database) {
    String name = database.endsWith("_URL") ? database.substring(0, database.length() - 4)
        : database;
    return attachments.stream()
        .filter(a -> a.addon().name().equals(database) || a.addon().id().equals(database)
            || (a.name().equals(name) && a.namespace() == null))
        .findFirst().orElse(null);
  }

  private boolean hasReleasePhase(String app) {
    return context.heroku().formation().list(app).stream()
        .anyMatch(f -> f.type().equals("release"));
  }

  /** Waits for the newest "Attach DATABASE" release, as the CLI does with a release phase. */
  private void awaitAttachRelease(String app, String database) {
    Release attach = newestAttachRelease(app);
    if (attach == null) {
      throw new PromoteException(app, database, "DATABASE was attached, but no \"Attach"
          + " DATABASE\" release was found to check the release phase; see `heroku releases`");
    }
    Release done = waiter.until("release v" + attach.version() + " (" + attach.description()
        + ") to finish its release phase",
        () -> context.heroku().releases().info(app, attach.id()),
        r -> r.status() != ReleaseStatus.PENDING);
    if (done.status() == ReleaseStatus.FAILED) {
      throw new PromoteException(app, database, "release v" + done.version() + " ("
          + done.description() + ") failed in its release phase; check `heroku releases:output "
          + done.version() + "`. Until a release succeeds, the app runs its previous release");
    }
  }

  private @Nullable Release newestAttachRelease(String app) {
    return context.heroku().releases().list(app)
        .startingAt(Range.by("version", 10, true)).firstPage().items().stream()
        .filter(r -> Objects.requireNonNullElse(r.description(), "").contains("Attach DATABASE"))
        .findFirst().orElse(null);
  }
}
