package io.herokusdk.examples.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.JobLock;
import io.herokusdk.postgres.HerokuPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily backup against the linked fakes, on real embedded databases. */
class BackupJobTest {
  private static OpsFakes fakes;
  @TempDir Path dir;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    fakes = OpsFakes.start();
  }

  @AfterAll
  static void stop() {
    fakes.close();
  }

  private int backup(Map<String, String> extra) {
    Map<String, String> vars = new java.util.HashMap<>(extra);
    vars.put("BACKUP_DIR", dir.toString());
    return fakes.run(output, vars, "backup");
  }

  private String out() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void capturesDownloadsRestoresAndChecksRowCountsPerTable() throws Exception {
    int code = backup(Map.of());

    assertThat(code).as(out()).isZero();
    assertThat(out()).contains("customers", "source 25, restored 25")
        .contains("source 120, restored 120").contains("verified: 2 tables match the source");
    try (var files = Files.list(dir)) {
      Path dump = files.filter(p -> p.toString().endsWith(".dump")).findFirst().orElseThrow();
      assertThat(Files.readString(dump)).contains("COPY").contains("orders");
    }
  }

  @Test
  void aFailedCaptureExitsNonZeroWithPgDumpsMessage() {
    fakes.data.failNextCapture("pg_dump: error: connection to server lost");

    int code = backup(Map.of());

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("backup FAILED: The backup of " + fakes.shopDb + " failed")
        .contains("pg_dump: error: connection to server lost");
  }

  @Test
  void aFailedTestRestoreExitsNonZero() {
    fakes.data.failNextRestore("pg_restore: error: out of disk");

    int code = backup(Map.of());

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("The test restore of b").contains("pg_restore: error: out of disk");
  }

  @Test
  void aRestoreMissingATableExitsNonZeroNamingIt() {
    // the row counts of the restore are read from a database the backup was not restored into
    int code = backup(Map.of("BACKUP_SCRATCH_URL", fakes.data.url(fakes.stagingDb)));

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("does not match the source: customers is missing from the "
        + "restore; orders is missing from the restore");
  }

  @Test
  void anOverlappingRunSkipsWithoutCapturing() throws Exception {
    ConfigVars opsDatabase = ConfigVars.of(Map.of("DATABASE_URL", fakes.data.url(fakes.opsDb)));
    try (HerokuPostgres other = HerokuPostgres.builder().configVars(opsDatabase).build()) {
      Optional<JobLock> held = other.jobLocks().tryAcquire("ops-jobs:backup");
      assertThat(held).isPresent();
      long capturesBefore = captures();

      int code = backup(Map.of());

      assertThat(code).isZero();
      assertThat(out()).contains("Another backup run holds the lock; this one is skipped");
      assertThat(captures()).isEqualTo(capturesBefore);
      held.get().close();
    }
  }

  @Test
  void aMissingConfigVarIsAUsageErrorNamingIt() {
    int code = OpsJobs.run(new String[] {"backup"},
        ConfigVars.of(Map.of("HEROKU_API_KEY", fakes.api.token())), fakes.heroku,
        new PrintStream(output, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(out()).contains("BACKUP_APP");
  }

  private static long captures() {
    return fakes.data.requests().stream()
        .filter(r -> r.startsWith("POST ") && r.contains("/backups")).count();
  }
}
