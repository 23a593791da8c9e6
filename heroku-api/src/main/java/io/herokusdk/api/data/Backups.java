package io.herokusdk.api.data;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.core.Waiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code heroku pg:backups}: capture, list, info with logs, download (streamed, resumed after a
 * dropped connection), restore, cancel, delete and schedules. A {@code backup} is its name
 * ({@code b042}) or number ({@code 42}); a {@code database} is the add-on's name or id.
 * Thread-safe.
 *
 * <pre>{@code
 * Backups backups = heroku.data().postgres().backups();
 * Transfer b = backups.captureAndWait("my-app", "postgresql-curved-12345", t ->
 *     System.out.println(t.processedBytes() + " bytes"));
 * backups.download("my-app", b.name(), Path.of("latest.dump"), p -> { });
 * }</pre>
 */
public final class Backups {
  private static final Pattern NAME = Pattern.compile("^[abcr]?0*(\\d+)$");
  /** Download attempts after the first one when the connection drops. */
  static final int MAX_RESUMES = 5;

  private final WorkflowContext context;
  private final DataService service;
  private final Waiter waiter;

  Backups(WorkflowContext context, DataService service, Waiter waiter) {
    this.context = context;
    this.service = service;
    this.waiter = waiter;
  }

  /**
   * {@code pg:backups:capture} without waiting: the backup as started.
   *
   * @param app the app {@code database} is an add-on of; the backup becomes one of its transfers
   * @param database the add-on's name or id, like {@code postgresql-curved-12345}
   * @return the backup as the Data API started it; {@link #waitFor} waits for it
   */
  public Transfer capture(String app, String database) {
    Objects.requireNonNull(app, "app == null");
    return Transfer.from(context.runtime().execute(service.capture(db(database), Map.of())));
  }

  /**
   * {@code pg:backups:capture}: starts a backup and waits until it finished.
   *
   * @param app the app {@code database} is an add-on of; the backup becomes one of its transfers
   * @param database the add-on's name or id, like {@code postgresql-curved-12345}
   * @param progress sees the backup at every poll ({@link Transfer#processedBytes()})
   * @return the backup, {@link TransferStatus#COMPLETED}
   * @throws TransferFailedException if it failed or was cancelled (with its last log lines)
   * @throws io.herokusdk.core.WaitTimeoutException if it is still running at the deadline
   */
  public Transfer captureAndWait(String app, String database,
      Consumer<? super Transfer> progress) {
    return waitFor(app, capture(app, database), progress);
  }

  /**
   * Waits until a backup or restore finished.
   *
   * @param app the app whose transfer it is
   * @param transfer the backup or restore, as {@link #capture} or {@link #restore} returned it
   * @param progress sees the transfer at every poll ({@link Transfer#processedBytes()})
   * @return the transfer, {@link TransferStatus#COMPLETED}
   * @throws TransferFailedException if it failed or was cancelled (with its last log lines)
   */
  public Transfer waitFor(String app, Transfer transfer, Consumer<? super Transfer> progress) {
    Objects.requireNonNull(progress, "progress == null");
    String a = app(app);
    Transfer done = waiter.until(transfer.name() + " of " + app + " to finish",
        () -> Transfer.from(context.runtime().execute(service.transfer(a, transfer.num(), false))),
        t -> t.status().isFinished(), progress);
    if (done.status() != TransferStatus.COMPLETED) {
      throw new TransferFailedException(info(app, done.name()));
    }
    return done;
  }

  /**
   * {@code pg:backups}: the app's backups, copies and restores.
   *
   * @param app the app's name
   * @return every transfer of the app, without their logs ({@link #info} has them)
   */
  public List<Transfer> list(String app) {
    return context.runtime().execute(service.transfers(app(app))).stream()
        .map(Transfer::from).toList();
  }

  /**
   * {@code pg:backups:info}: one backup or restore with its log.
   *
   * @param app the app's name
   * @param backup its name ({@code b042}) or number ({@code 42})
   * @return the transfer with its whole log
   */
  public Transfer info(String app, String backup) {
    return Transfer.from(context.runtime().execute(service.transfer(app(app), num(backup),
        true)));
  }

  /**
   * {@code pg:backups:url}: a signed URL the backup can be downloaded from for a while.
   *
   * @param app the app's name
   * @param backup its name ({@code b042}) or number ({@code 42})
   * @return the URL; it needs no token, so keep it out of logs
   */
  public URI publicUrl(String app, String backup) {
    Map<String, Object> json = context.runtime().execute(service.publicUrl(app(app), num(backup),
        Map.of()));
    String url = json == null ? null : Json.string(json, "url");
    if (url == null) {
      throw new IllegalStateException("the Data API sent no URL for backup " + backup + " of "
          + app);
    }
    return URI.create(url);
  }

  /**
   * {@code pg:backups:download}: streams the backup into {@code file} (replaced), resuming with
   * HTTP {@code Range} after a dropped connection. The signed URL never receives the token.
   *
   * @param app the app's name
   * @param backup its name ({@code b042}) or number ({@code 42})
   * @param file where to write it; created, or truncated if it exists
   * @param progress sees the bytes written after every read, the total and the resumes so far
   * @return the number of bytes written
   * @throws BackupDownloadException if the download failed or could not be resumed
   */
  public long download(String app, String backup, Path file,
      Consumer<? super DownloadProgress> progress) {
    Objects.requireNonNull(file, "file == null");
    URI url = publicUrl(app, backup);
    try (OutputStream out = Files.newOutputStream(file)) {
      return BackupDownload.copy(context.streamClient(), url, backup, out, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write backup " + backup + " to " + file, e);
    }
  }

  /**
   * Streams the backup into {@code out} (left open), resuming with HTTP {@code Range} after a
   * dropped connection. Memory use does not grow with the backup's size.
   *
   * @param app the app's name
   * @param backup its name ({@code b042}) or number ({@code 42})
   * @param out where to write it; not closed
   * @param progress sees the bytes written after every read, the total and the resumes so far
   * @return the number of bytes written
   * @throws BackupDownloadException if the download failed or could not be resumed
   * @throws UncheckedIOException if {@code out} failed
   */
  public long download(String app, String backup, OutputStream out,
      Consumer<? super DownloadProgress> progress) {
    Objects.requireNonNull(out, "out == null");
    return BackupDownload.copy(context.streamClient(), publicUrl(app, backup), backup, out,
        progress);
  }

  /**
   * {@code pg:backups:restore} without waiting: restores the URL's dump into the database.
   *
   * @param database the add-on's name or id; its data is replaced
   * @param backupUrl where the Data API fetches the dump from, such as a {@link #publicUrl}
   * @return the restore as the Data API started it; {@link #waitFor} waits for it
   */
  public Transfer restore(String database, URI backupUrl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("backup_url", Objects.requireNonNull(backupUrl, "backupUrl == null").toString());
    return Transfer.from(context.runtime().execute(service.restore(db(database), body)));
  }

  /**
   * {@code pg:backups:restore <url>}: replaces the database's data with the dump at {@code
   * backupUrl} and waits until it finished.
   *
   * @param app the app {@code database} is an add-on of (the restore is its transfer)
   * @param database the add-on's name or id; its data is replaced
   * @param backupUrl where the Data API fetches the dump from, such as a {@link #publicUrl}
   * @param progress sees the restore at every poll
   * @return the restore, {@link TransferStatus#COMPLETED}
   * @throws TransferFailedException if the restore failed (with its last log lines)
   */
  public Transfer restoreAndWait(String app, String database, URI backupUrl,
      Consumer<? super Transfer> progress) {
    return waitFor(app, restore(database, backupUrl), progress);
  }

  /**
   * {@code pg:backups:restore b042}: replaces the data of {@code database}, an add-on of the same
   * app, with one of the app's backups and waits until it finished.
   *
   * @param app the app that has the backup and the database
   * @param backup the backup's name ({@code b042}) or number ({@code 42})
   * @param database the add-on's name or id; its data is replaced
   * @param progress sees the restore at every poll
   * @return the restore, {@link TransferStatus#COMPLETED}
   * @throws TransferFailedException if the restore failed (with its last log lines)
   */
  public Transfer restoreBackupAndWait(String app, String backup, String database,
      Consumer<? super Transfer> progress) {
    return restoreBackupAndWait(app, backup, app, database, progress);
  }

  /**
   * {@code pg:backups:restore shop::b042 DATABASE -a shop-staging}: replaces the data of {@code
   * database}, an add-on of {@code targetApp}, with a backup of {@code app}, and waits until it
   * finished. The restore is a transfer of the target's app, so it is waited for there.
   *
   * @param app the app that has the backup
   * @param backup the backup's name ({@code b042}) or number ({@code 42})
   * @param targetApp the app {@code database} is an add-on of
   * @param database the add-on's name or id; its data is replaced
   * @param progress sees the restore at every poll
   * @return the restore, {@link TransferStatus#COMPLETED}
   * @throws TransferFailedException if the restore failed (with its last log lines)
   * @throws IllegalArgumentException if {@code backup} has no dump (it did not complete)
   */
  public Transfer restoreBackupAndWait(String app, String backup, String targetApp,
      String database, Consumer<? super Transfer> progress) {
    Objects.requireNonNull(targetApp, "targetApp == null");
    Map<String, Object> json = context.runtime().execute(service.transfer(app(app), num(backup),
        false));
    String url = json == null ? null : Json.string(json, "to_url");
    if (url == null) {
      throw new IllegalArgumentException(backup + " of " + app + " has no dump to restore"
          + " (is it a backup that completed?)");
    }
    return restoreAndWait(targetApp, database, URI.create(url), progress);
  }

  /**
   * {@code pg:backups:cancel}: cancels a running backup or restore.
   *
   * @param app the app's name
   * @param backup its name ({@code b042}) or number ({@code 42})
   */
  public void cancel(String app, String backup) {
    Transfer t = info(app, backup);
    context.runtime().executeDiscardingBody(service.cancel(app(app),
        context.runtime().segment("uuid", t.uuid()), Map.of()));
  }

  /**
   * {@code pg:backups:delete}: deletes a backup.
   *
   * @param app the app's name
   * @param backup its name ({@code b042}) or number ({@code 42})
   */
  public void delete(String app, String backup) {
    context.runtime().executeDiscardingBody(service.delete(app(app), num(backup)));
  }

  /**
   * {@code pg:backups:schedule}: a daily backup of the database at {@code hour} (0-23) in
   * {@code timezone} (like {@code UTC} or {@code America/New_York}).
   *
   * @param database the add-on's name or id
   * @param attachment the config var naming the database, like {@code DATABASE_URL}
   * @param hour the hour of the day it runs, 0-23
   * @param timezone the time zone of {@code hour}, like {@code UTC}
   * @return the schedule; its {@link BackupSchedule#uuid() uuid} is what {@link #unschedule}
   *     takes
   * @throws IllegalArgumentException if {@code hour} is not 0-23
   */
  public BackupSchedule schedule(String database, String attachment, int hour, String timezone) {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be 0-23, was " + hour);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("hour", hour);
    body.put("timezone", Objects.requireNonNull(timezone, "timezone == null"));
    body.put("schedule_name", Objects.requireNonNull(attachment, "attachment == null"));
    return BackupSchedule.from(context.runtime().execute(service.schedule(db(database), body)));
  }

  /**
   * {@code pg:backups:schedules}: the database's backup schedules.
   *
   * @param database the add-on's name or id
   * @return its schedules; empty when it has none
   */
  public List<BackupSchedule> schedules(String database) {
    return context.runtime().execute(service.schedules(db(database))).stream()
        .map(BackupSchedule::from).toList();
  }

  /**
   * {@code pg:backups:unschedule}: removes a schedule (by its uuid).
   *
   * @param database the add-on's name or id
   * @param scheduleUuid the schedule's {@link BackupSchedule#uuid() uuid}
   */
  public void unschedule(String database, String scheduleUuid) {
    context.runtime().executeDiscardingBody(service.unschedule(db(database),
        context.runtime().segment("scheduleUuid", scheduleUuid)));
  }

  /** {@code b042}, {@code 042} or {@code 42} → 42. */
  static int num(String backup) {
    Objects.requireNonNull(backup, "backup == null");
    Matcher m = NAME.matcher(backup.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a backup name or number: \"" + backup
          + "\" (expected like b042 or 42)");
    }
    return Integer.parseInt(m.group(1));
  }

  private String db(String database) {
    return context.runtime().segment("database", database);
  }

  private String app(String app) {
    return context.runtime().segment("app", app);
  }
}
