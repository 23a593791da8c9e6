package io.herokusdk.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.InvalidParamsException;
import io.herokusdk.api.NotFoundException;
import io.herokusdk.core.WaitTimeoutException;
import io.herokusdk.testing.herokuapi.FakeDataApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {
  private static final String DB = "postgresql-curved-12345";

  @RegisterExtension final DataWorld world = new DataWorld();
  @TempDir Path dir;

  @BeforeEach
  void database() {
    world.data.addPostgres("shop", DB, "standard-0").transferDuration(Duration.ofSeconds(30))
        .backupSize(3_000_000);
  }

  private Backups backups() {
    return world.dataClient().postgres().backups();
  }

  @Test
  void captureWaitsUntilFinishedWithProcessedBytesAsProgress() {
    List<Long> progress = new ArrayList<>();

    Transfer backup = backups().captureAndWait("shop", DB, t -> progress.add(t.processedBytes()));

    assertThat(backup.name()).isEqualTo("b001");
    assertThat(backup.status()).isEqualTo(TransferStatus.COMPLETED);
    assertThat(backup.processedBytes()).isEqualTo(3_000_000);
    assertThat(progress).hasSizeGreaterThan(3).isSorted().last().isEqualTo(3_000_000L);
    assertThat(progress.get(1)).isBetween(1L, 2_999_999L);
  }

  @Test
  void aFailedCaptureRaisesTheLastLogLines() {
    world.data.failNextCapture("pg_dump: error: connection to server was lost");

    assertThatThrownBy(() -> backups().captureAndWait("shop", DB, t -> { }))
        .isInstanceOfSatisfying(TransferFailedException.class, e -> {
          assertThat(e.transfer().status()).isEqualTo(TransferStatus.FAILED);
          assertThat(e).hasMessageContaining("b001").hasMessageContaining("failed")
              .hasMessageContaining("pg_dump: error: connection to server was lost");
        });
  }

  @Test
  void aCaptureStillRunningAtTheDeadlineRaisesWaitTimeout() {
    world.data.transferDuration(Duration.ofHours(3));
    assertThatThrownBy(() -> world.dataClient(Duration.ofMinutes(1)).postgres().backups()
        .captureAndWait("shop", DB, t -> { }))
        .isInstanceOf(WaitTimeoutException.class);
  }

  @Test
  void listInfoWithLogsCancelAndDelete() {
    Backups backups = backups();
    backups.captureAndWait("shop", DB, t -> { });
    Transfer running = backups.capture("shop", DB);
    assertThat(running.status()).isEqualTo(TransferStatus.RUNNING);

    backups.cancel("shop", running.name());
    assertThat(backups.info("shop", "b002").status()).isEqualTo(TransferStatus.CANCELLED);
    assertThat(backups.list("shop")).extracting(Transfer::name).containsExactly("b001", "b002");

    Transfer info = backups.info("shop", "b001");
    assertThat(info.logs()).extracting(TransferLog::message).last()
        .isEqualTo("finished successfully");

    backups.delete("shop", "1");
    assertThat(backups.list("shop")).extracting(Transfer::name).containsExactly("b002");
    assertThatThrownBy(() -> backups.info("shop", "b001")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> backups.info("shop", "latest"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b042");
  }

  @Test
  void restoreFromABackupOrAUrlWaitsAndAFailedRestoreIsTyped() {
    Backups backups = backups();
    backups.captureAndWait("shop", DB, t -> { });

    Transfer restore = backups.restoreBackupAndWait("shop", "b001", DB, t -> { });
    assertThat(restore.name()).isEqualTo("r002");
    assertThat(restore.status()).isEqualTo(TransferStatus.COMPLETED);

    world.data.failNextRestore("pg_restore: error: could not read input file");
    assertThatThrownBy(() -> backups.restoreAndWait("shop", DB,
        URI.create("https://example.com/dump"), t -> { }))
        .isInstanceOf(TransferFailedException.class)
        .hasMessageContaining("r003").hasMessageContaining("could not read input file");
  }

  @Test
  void schedulesAreCreatedListedAndDeleted() {
    Backups backups = backups();
    BackupSchedule s = backups.schedule(DB, "DATABASE_URL", 2, "Europe/Paris");
    assertThat(s).extracting(BackupSchedule::name, BackupSchedule::hour, BackupSchedule::timezone)
        .containsExactly("DATABASE_URL", 2, "Europe/Paris");
    assertThat(backups.schedules(DB)).containsExactly(s);

    backups.unschedule(DB, s.uuid());
    assertThat(backups.schedules(DB)).isEmpty();
    assertThatThrownBy(() -> backups.schedule(DB, "DATABASE_URL", 24, "UTC"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDownloadIsStreamedToAFileWithProgressAndTheUrlNeverGetsTheToken() throws Exception {
    Backups backups = backups();
    backups.captureAndWait("shop", DB, t -> { });
    List<DownloadProgress> progress = new ArrayList<>();
    Path file = dir.resolve("latest.dump");

    long bytes = backups.download("shop", "b001", file, progress::add);

    assertThat(bytes).isEqualTo(3_000_000);
    assertThat(sha256(Files.readAllBytes(file)))
        .isEqualTo(sha256(FakeDataApi.expectedBackupBytes(0, 3_000_000)));
    assertThat(progress).hasSizeGreaterThan(1).last()
        .isEqualTo(new DownloadProgress(3_000_000, 3_000_000, 0));
    // the fake answers 400 to a signed URL sent the token: it got the download
    assertThat(world.data.bytesServed()).isEqualTo(3_000_000);
    assertThat(backups.publicUrl("shop", "b001").getPath()).startsWith("/_fake/backups/");
  }

  @Test
  void aDownloadDroppedMidwayResumesWithRangeWithoutCorruption() throws Exception {
    Backups backups = backups();
    backups.captureAndWait("shop", DB, t -> { });
    world.data.dropNextDownloadAt(1_234_567);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<DownloadProgress> progress = new ArrayList<>();

    long bytes = backups.download("shop", "b001", out, progress::add);

    assertThat(bytes).isEqualTo(3_000_000);
    assertThat(sha256(out.toByteArray()))
        .isEqualTo(sha256(FakeDataApi.expectedBackupBytes(0, 3_000_000)));
    assertThat(world.data.requests()).filteredOn(r -> r.startsWith("GET /_fake/"))
        .hasSize(2).last().asString().endsWith("Range: bytes=1234567-");
    assertThat(progress.get(progress.size() - 1)).isEqualTo(
        new DownloadProgress(3_000_000, 3_000_000, 1));
  }

  @Test
  void aDownloadIsStreamedNotBufferedWhole() {
    Backups backups = backups();
    world.data.backupSize(64L << 20);
    backups.captureAndWait("shop", DB, t -> { });
    long[] servedAtFirstWrite = {-1};
    long[] received = {0};
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        if (servedAtFirstWrite[0] < 0) servedAtFirstWrite[0] = world.data.bytesServed();
        received[0] += len;
      }
    };

    assertThat(backups.download("shop", "b001", sink, p -> { })).isEqualTo(64L << 20);

    assertThat(received[0]).isEqualTo(64L << 20);
    // bytes reach the destination while the fake is still sending: nothing holds the whole dump
    assertThat(servedAtFirstWrite[0]).isLessThan(16L << 20);
  }

  @Test
  void aDownloadOfAnUnfinishedBackupOrIntoAFailingStreamIsTyped() {
    Backups backups = backups();
    backups.capture("shop", DB);
    assertThatThrownBy(() -> backups.download("shop", "b001", new ByteArrayOutputStream(),
        p -> { })).isInstanceOf(InvalidParamsException.class);

    world.clock.advance(Duration.ofMinutes(1));
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("disk full");
      }
    };
    assertThatThrownBy(() -> backups.download("shop", "b001", broken, p -> { }))
        .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk full");
    assertThat(world.data.requests()).filteredOn(r -> r.startsWith("GET /_fake/")).hasSize(1);
  }

  @Test
  void aDownloadThatKeepsDroppingGivesUpAfterFiveResumes() {
    Backups backups = backups();
    backups.captureAndWait("shop", DB, t -> { });
    world.data.dropEveryDownloadAfter(100_000);

    assertThatThrownBy(() -> backups.download("shop", "b001", new ByteArrayOutputStream(),
        p -> { }))
        .isInstanceOfSatisfying(BackupDownloadException.class, e -> {
          assertThat(e.bytesWritten()).isEqualTo(600_000);
          assertThat(e).hasMessageContaining("b001").hasMessageContaining("5 resumes");
        });
    assertThat(world.data.requests()).filteredOn(r -> r.startsWith("GET /_fake/")).hasSize(6);
  }

  @Test
  void anExpiredSignedUrlIsATypedFailureWithoutTheUrl() {
    Backups backups = backups();
    backups.captureAndWait("shop", DB, t -> { });
    world.data.failNextDownload(403);

    assertThatThrownBy(() -> backups.download("shop", "b001", new ByteArrayOutputStream(),
        p -> { }))
        .isInstanceOf(BackupDownloadException.class).hasMessageContaining("403")
        .hasMessageContaining("expired").hasMessageNotContaining("signature")
        .hasMessageNotContaining("/_fake/");
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
