package io.herokusdk.examples.ops;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.HerokuApiException;
import io.herokusdk.api.data.BackupDownloadException;
import io.herokusdk.api.data.Backups;
import io.herokusdk.api.data.Transfer;
import io.herokusdk.api.data.TransferFailedException;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.WaitTimeoutException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup: capture, wait, download with progress, restore into a scratch database and
 * compare row counts per table with the source. Any failure is an {@link OpsJobException}.
 */
final class BackupJob {
  private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);

  /** What to back up and where to test the restore. */
  record Settings(String app, String database, String scratchApp, String scratchDatabase,
      Path directory) {
    static Settings from(ConfigVars config) {
      String app = config.require("BACKUP_APP", "the app whose database is backed up");
      return new Settings(app,
          config.require("BACKUP_DATABASE",
              "the add-on name of the database to back up, e.g. postgresql-curved-12345"),
          config.get("BACKUP_SCRATCH_APP").orElse(app),
          config.require("BACKUP_SCRATCH_DATABASE", "the add-on name of a scratch database "
              + "the backup is restored into (its data is replaced on every run)"),
          Path.of(config.get("BACKUP_DIR").orElse(System.getProperty("java.io.tmpdir"))));
    }
  }

  /**
   * One table's check: the restored count must lie between the source's counts before the
   * capture and after the restore (rows written meanwhile are not a failure).
   */
  record TableCheck(String table, long sourceBefore, long sourceAfter, long restored) {
    boolean ok() {
      return restored >= Math.min(sourceBefore, sourceAfter)
          && restored <= Math.max(sourceBefore, sourceAfter);
    }
  }

  /** A verified backup. */
  record Result(String backup, long bytes, Path file, List<TableCheck> tables) {}

  private final Heroku heroku;
  private final Settings settings;
  private final DataSource source;
  private final DataSource scratch;
  private final PrintStream out;

  BackupJob(Heroku heroku, Settings settings, DataSource source, DataSource scratch,
      PrintStream out) {
    this.heroku = heroku;
    this.settings = settings;
    this.source = source;
    this.scratch = scratch;
    this.out = out;
  }

  Result run() {
    String app = settings.app();
    Backups backups = heroku.data().postgres().backups();
    Map<String, Long> before = RowCounts.of(source, "source");
    Transfer backup;
    try {
      out.println("Capturing a backup of " + settings.database() + " on " + app + " ...");
      backup = backups.captureAndWait(app, settings.database(),
          t -> LOG.info("capture {}: {} bytes", t.name(), t.processedBytes()));
    } catch (TransferFailedException e) {
      throw new OpsJobException("The backup of " + settings.database() + " failed: "
          + String.join(" | ", e.transfer().lastLogLines(5)), e);
    } catch (WaitTimeoutException e) {
      throw new OpsJobException("The backup of " + settings.database()
          + " did not finish in time; it may still be running (heroku pg:backups -a " + app
          + ")", e);
    } catch (HerokuApiException e) {
      throw new OpsJobException("Could not capture a backup of " + settings.database() + " on "
          + app + ": " + e.getMessage(), e);
    }
    out.println("Captured " + backup.name() + " (" + ProgressBar.megabytes(
        backup.processedBytes()) + ")");

    Path file = settings.directory().resolve(app + "-" + backup.name() + ".dump");
    long bytes;
    try {
      Files.createDirectories(settings.directory());
      ProgressBar bar = ProgressBar.forConsole(out, "download " + backup.name());
      bytes = backups.download(app, backup.name(), file,
          p -> bar.onProgress(p.bytes(), p.totalBytes()));
    } catch (BackupDownloadException e) {
      throw new OpsJobException("The download of " + backup.name() + " failed after "
          + e.bytesWritten() + " bytes: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new OpsJobException("Cannot write the backup to " + file + " (BACKUP_DIR): " + e,
          e);
    }
    if (bytes == 0 || (backup.processedBytes() > 0 && bytes != backup.processedBytes())) {
      throw new OpsJobException("The download of " + backup.name() + " has " + bytes
          + " bytes, but the backup reported " + backup.processedBytes());
    }
    out.println("Downloaded " + backup.name() + " to " + file);

    try {
      out.println("Restoring " + backup.name() + " into " + settings.scratchDatabase() + " ...");
      // the restore is a transfer of the scratch database's app, which may be another app
      backups.restoreAndWait(settings.scratchApp(), settings.scratchDatabase(),
          backups.publicUrl(app, backup.name()),
          t -> LOG.info("restore {}: {} bytes", t.name(), t.processedBytes()));
    } catch (TransferFailedException e) {
      throw new OpsJobException("The test restore of " + backup.name() + " into "
          + settings.scratchDatabase() + " failed: "
          + String.join(" | ", e.transfer().lastLogLines(5)), e);
    } catch (WaitTimeoutException e) {
      throw new OpsJobException("The test restore into " + settings.scratchDatabase()
          + " did not finish in time", e);
    } catch (HerokuApiException e) {
      throw new OpsJobException("Could not restore " + backup.name() + " into "
          + settings.scratchDatabase() + ": " + e.getMessage(), e);
    }

    Map<String, Long> restored = RowCounts.of(scratch, "scratch");
    Map<String, Long> after = RowCounts.of(source, "source");
    List<TableCheck> checks = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Long> table : before.entrySet()) {
      String name = table.getKey();
      Long got = restored.get(name);
      if (got == null) {
        problems.add(name + " is missing from the restore");
        continue;
      }
      TableCheck check = new TableCheck(name, table.getValue(),
          after.getOrDefault(name, table.getValue()), got);
      checks.add(check);
      out.printf("  %-30s source %d, restored %d%n", name, check.sourceBefore(), got);
      if (!check.ok()) {
        problems.add(name + " has " + got + " rows restored, the source had "
            + check.sourceBefore() + (check.sourceAfter() != check.sourceBefore()
                ? " to " + check.sourceAfter() : ""));
      }
    }
    if (!problems.isEmpty()) {
      throw new OpsJobException("The restore of " + backup.name() + " does not match the "
          + "source: " + String.join("; ", problems));
    }
    out.println("Backup " + backup.name() + " verified: " + checks.size()
        + " tables match the source");
    return new Result(backup.name(), bytes, file, checks);
  }
}
