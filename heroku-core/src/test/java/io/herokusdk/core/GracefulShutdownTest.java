package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.GracefulShutdown.Outcome;
import io.herokusdk.core.GracefulShutdown.Report;
import io.herokusdk.core.GracefulShutdown.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stop tasks on real threads, run by {@link GracefulShutdown#run()} or by a real SIGTERM. */
class GracefulShutdownTest {
  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private static GracefulShutdown shutdown(Duration deadline) {
    return GracefulShutdown.builder().deadline(deadline).installHook(false).build();
  }

  @Test
  void stopsInReverseRegistrationOrder() {
    GracefulShutdown shutdown = shutdown(GENEROUS);
    List<String> stopped = Collections.synchronizedList(new ArrayList<>());
    shutdown.register("database", () -> stopped.add("database"));
    shutdown.register("worker", () -> stopped.add("worker"));
    shutdown.register("web", () -> stopped.add("web"));

    Report report = shutdown.run();

    assertThat(stopped).containsExactly("web", "worker", "database");
    assertThat(report.outcomes()).extracting(Outcome::name)
        .containsExactly("web", "worker", "database");
    assertThat(report.allFinished()).isTrue();
  }

  @Test
  void aTaskThatOverrunsItsBudgetIsCutOffInterruptedAndTheNextOneStillRuns() throws Exception {
    GracefulShutdown shutdown = shutdown(GENEROUS);
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicBoolean databaseClosed = new AtomicBoolean();
    shutdown.register("database", () -> databaseClosed.set(true));
    shutdown.register("worker", Duration.ofMillis(200), () -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    });

    Report report = shutdown.run();

    assertThat(report.outcome("worker").orElseThrow().status()).isEqualTo(Status.CUT_OFF);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
    assertThat(report.outcome("database").orElseThrow().status()).isEqualTo(Status.FINISHED);
    assertThat(databaseClosed).isTrue();
    assertThat(report.allFinished()).isFalse();
  }

  @Test
  void tasksNotStartedBeforeTheDeadlineAreSkipped() {
    GracefulShutdown shutdown = shutdown(Duration.ofMillis(200));
    AtomicBoolean databaseClosed = new AtomicBoolean();
    shutdown.register("database", () -> databaseClosed.set(true));
    shutdown.register("stuck", () -> {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    Report report = shutdown.run();

    assertThat(report.outcomes()).extracting(Outcome::name, Outcome::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("stuck", Status.CUT_OFF),
            org.assertj.core.groups.Tuple.tuple("database", Status.SKIPPED));
    assertThat(databaseClosed).isFalse();
  }

  @Test
  void aTaskThatThrowsIsReportedAndTheNextOneStillRuns() {
    GracefulShutdown shutdown = shutdown(GENEROUS);
    AtomicBoolean databaseClosed = new AtomicBoolean();
    shutdown.register("database", () -> databaseClosed.set(true));
    shutdown.register("web", () -> {
      throw new IllegalStateException("port already closed");
    });

    Report report = shutdown.run();

    Outcome web = report.outcome("web").orElseThrow();
    assertThat(web.status()).isEqualTo(Status.FAILED);
    assertThat(web.failure()).get().isInstanceOf(IllegalStateException.class)
        .extracting(Throwable::getMessage).isEqualTo("port already closed");
    assertThat(databaseClosed).isTrue();
  }

  @Test
  void closesAutoCloseablesAndReportsWhatTheirCloseThrows() {
    GracefulShutdown shutdown = shutdown(GENEROUS);
    shutdown.registerClose("client", () -> {
      throw new IOException("socket gone");
    });

    Outcome client = shutdown.run().outcome("client").orElseThrow();

    assertThat(client.status()).isEqualTo(Status.FAILED);
    assertThat(client.failure()).get().isInstanceOf(IOException.class);
  }

  @Test
  void runsOnceWhateverCallsIt() {
    GracefulShutdown shutdown = shutdown(GENEROUS);
    AtomicInteger stops = new AtomicInteger();
    shutdown.register("web", stops::incrementAndGet);

    Report first = shutdown.run();
    Report second = shutdown.run();
    shutdown.close();

    assertThat(stops).hasValue(1);
    assertThat(second).isSameAs(first);
    assertThat(shutdown.isShuttingDown()).isTrue();
  }

  @Test
  void refusesRegistrationsOnceStarted() {
    GracefulShutdown shutdown = shutdown(GENEROUS);
    shutdown.run();

    assertThatThrownBy(() -> shutdown.register("late", () -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"late\"");
  }

  @Test
  void closeRunsTheTasksAndRemovesTheHook() {
    GracefulShutdown shutdown = GracefulShutdown.builder().deadline(GENEROUS).build();
    AtomicInteger stops = new AtomicInteger();
    shutdown.register("job", stops::incrementAndGet);

    shutdown.close();

    assertThat(stops).hasValue(1);
  }

  @Test
  void rejectsBadArguments() {
    GracefulShutdown shutdown = shutdown(GENEROUS);
    assertThatThrownBy(() -> shutdown.register(" ", () -> { }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> shutdown.register("x", Duration.ZERO, () -> { }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GracefulShutdown.builder().deadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A JVM that registers tasks, prints "ready" and waits; SIGTERM must run the tasks. */
  public static final class SigtermMain {
    public static void main(String[] args) throws InterruptedException {
      GracefulShutdown shutdown = GracefulShutdown.builder()
          .deadline(Duration.ofSeconds(Integer.parseInt(args[0]))).build();
      shutdown.register("database", () -> System.out.println("stopped database"));
      shutdown.register("worker", Duration.ofMillis(300), () -> {
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          System.out.println("worker interrupted");
        }
      });
      System.out.println("ready");
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void sigtermRunsTheTasksInARealJvm() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), SigtermMain.class.getName(), "20")
        .redirectErrorStream(true)
        .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("ready")) lines.add(line);
      assertThat(line).as("child output: %s", lines).isEqualTo("ready");
      process.toHandle().destroy(); // SIGTERM, as Heroku sends; keeps our end of the pipe open
      while ((line = out.readLine()) != null) lines.add(line);
    } finally {
      if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    assertThat(lines).contains("worker interrupted", "stopped database");
    assertThat(lines.indexOf("worker interrupted")).isLessThan(lines.indexOf("stopped database"));
    assertThat(String.join("\n", lines)).contains("cut off worker").contains("database finished");
    assertThat(process.exitValue()).as("killed by SIGTERM").isEqualTo(143);
  }
}
