package io.herokusdk.api.data;

import static io.herokusdk.api.data.LinkedWorld.APP;
import static io.herokusdk.api.data.LinkedWorld.execute;
import static io.herokusdk.api.data.LinkedWorld.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Backup, download and restore of real rows, end to end through the SDK. */
class BackupRoundTripTest {
  @RegisterExtension final LinkedWorld world = new LinkedWorld();

  @Test
  void aBackupDownloadedAfterADroppedConnectionRestoresEveryRowIntoAFreshDatabase(
      @TempDir Path dir) throws SQLException, java.io.IOException {
    String source = world.provision("standard-0", "DATABASE");
    String sourceUrl = world.configVar("DATABASE_URL");
    execute(sourceUrl,
        "create table customers (id serial primary key, email text not null unique)",
        "insert into customers (email) select 'c' || g || '@example.com'"
            + " from generate_series(1, 5000) g");
    String target = world.provision("standard-0", "RESTORED");
    Backups backups = world.client().postgres().backups();

    Transfer backup = backups.captureAndWait(APP, source, t -> { });
    world.data.dropNextDownloadAt(4096);
    List<DownloadProgress> progress = new ArrayList<>();
    long bytes = backups.download(APP, backup.name(), dir.resolve("latest.dump"), progress::add);
    Transfer restore = backups.restoreBackupAndWait(APP, backup.name(), target, t -> { });

    assertThat(bytes).isEqualTo(Files.size(dir.resolve("latest.dump")))
        .isEqualTo(backup.sourceBytes());
    assertThat(Files.readString(dir.resolve("latest.dump"))).contains("customers");
    assertThat(progress).last().satisfies(p -> assertThat(p.bytes()).isEqualTo(bytes));
    assertThat(restore.status()).isEqualTo(TransferStatus.COMPLETED);
    String restoredUrl = world.configVar("RESTORED_URL");
    assertThat(queryLong(restoredUrl, "select count(*) from customers")).isEqualTo(5000);
    execute(restoredUrl, "insert into customers (email) values ('new@example.com')");
    assertThat(queryLong(restoredUrl, "select max(id) from customers")).isEqualTo(5001);
  }

  @Test
  void aBackupOfOneAppRestoresIntoADatabaseOfAnotherAndIsWaitedForThere() throws SQLException {
    String source = world.provision("standard-0", "DATABASE");
    execute(world.configVar("DATABASE_URL"), "create table t (v int)",
        "insert into t select generate_series(1, 42)");
    Backups backups = world.client().postgres().backups();
    backups.captureAndWait(APP, source, t -> { });
    world.api.addApp("shop-staging");
    String staging = world.api.addAddOn("shop-staging", "heroku-postgresql:standard-0", null,
        null);
    // the staging app has transfers of its own, one with the same number as the shop's backup
    Transfer own = backups.captureAndWait("shop-staging", staging, t -> { });

    Transfer restore = backups.restoreBackupAndWait(APP, "b001", "shop-staging", staging,
        t -> { });

    assertThat(own.num()).isEqualTo(1);
    assertThat(restore.toName()).isEqualTo(staging);
    assertThat(restore.status()).isEqualTo(TransferStatus.COMPLETED);
    String stagingUrl = world.api.app("shop-staging").configVars().get("DATABASE_URL");
    assertThat(queryLong(stagingUrl, "select count(*) from t")).isEqualTo(42);
  }
}
