package io.herokusdk.api.data;

import static io.herokusdk.api.data.LinkedWorld.APP;
import static io.herokusdk.api.data.LinkedWorld.execute;
import static io.herokusdk.api.data.LinkedWorld.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.model.AddOn;
import io.herokusdk.core.WaitTimeoutException;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.herokuapi.FakeHerokuApi.StoredProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ChangeoverTest {
  @RegisterExtension final LinkedWorld world = new LinkedWorld();
  @TempDir Path dir;

  String old;
  String oldUrl;

  @BeforeEach
  void anAppWithADatabaseAndWorkers() throws SQLException {
    old = world.provision("standard-0", "DATABASE");
    oldUrl = world.configVar("DATABASE_URL");
    execute(oldUrl, "create table orders (id serial primary key, total int not null)",
        "insert into orders (total) select g from generate_series(1, 100) g");
    world.api.setFormation(APP, "web", 2, "standard-1X");
    world.api.setFormation(APP, "worker", 3, "standard-2X");
    world.api.setFormation(APP, "clock", 1, "basic");
    world.data.followerLag(5_000, Duration.ofMinutes(20));
  }

  private Changeover.Builder changeover() {
    return world.client().postgres().changeover(APP, "standard-2");
  }

  private Map<String, Long> formation() {
    return world.api.app(APP).formation().values().stream()
        .collect(Collectors.toMap(StoredProcess::type, StoredProcess::quantity));
  }

  @Test
  void thePlanIsADryRunThatNamesWhatWillHappen() {
    int before = world.api.requestCount();

    ChangeoverPlan plan = changeover().build().plan();

    assertThat(plan.database()).isEqualTo(old);
    assertThat(plan.steps()).extracting(ChangeoverPlan.Step::step)
        .containsExactly(ChangeoverStep.values());
    assertThat(plan.toString())
        .contains("Changeover of " + old + " on shop to heroku-postgresql:standard-2")
        .contains(" 1. create a follower on heroku-postgresql:standard-2 following " + old
            + " (heroku-postgresql:standard-0)")
        .contains(" 4. scale clock=1 -> 0, worker=3 -> 0")
        .contains(" 8. scale clock back to 1, worker back to 3")
        .contains(" 9. turn maintenance mode off");
    assertThat(world.api.requests().subList(before, world.api.requestCount()))
        .allMatch(r -> r.method().equals("GET"));
    assertThat(world.api.attachments(APP)).hasSize(1);
  }

  @Test
  void itMovesTheAppToANewDatabaseWithEveryRowAndPutsTheAppBack() throws SQLException {
    List<ChangeoverEvent> events = new ArrayList<>();

    ChangeoverResult result = changeover().build().run(e -> {
      events.add(e);
      if (e.step() == ChangeoverStep.MAINTENANCE_ON && e.kind() == ChangeoverEvent.Kind.DONE) {
        assertThat(world.api.app(APP).maintenance()).isTrue();
      }
      if (e.step() == ChangeoverStep.SCALE_DOWN && e.kind() == ChangeoverEvent.Kind.DONE) {
        assertThat(formation()).containsEntry("worker", 0L).containsEntry("clock", 0L)
            .containsEntry("web", 2L);
        try {
          execute(oldUrl, "insert into orders (total) values (1000)");  // a last write
        } catch (SQLException ex) {
          throw new AssertionError(ex);
        }
      }
    });

    assertThat(events).filteredOn(e -> e.kind() == ChangeoverEvent.Kind.DONE)
        .extracting(ChangeoverEvent::step).containsExactly(ChangeoverStep.values());
    assertThat(events).filteredOn(e -> e.step() == ChangeoverStep.WAIT_CAUGHT_UP
        && e.kind() == ChangeoverEvent.Kind.PROGRESS).isNotEmpty()
        .anyMatch(e -> e.message().matches("behind by \\d+ commits"));
    assertThat(result.previous()).isEqualTo(old);
    String newUrl = world.configVar("DATABASE_URL");
    assertThat(newUrl).isNotEqualTo(oldUrl).isEqualTo(world.data.url(result.promoted()));
    assertThat(queryLong(newUrl, "select count(*) from orders")).isEqualTo(101);
    execute(newUrl, "insert into orders (total) values (7)");
    assertThat(queryLong(newUrl, "select max(id) from orders")).isEqualTo(102);
    assertThat(world.client().postgres().info(result.promoted()).isFollower()).isFalse();
    assertThat(world.api.app(APP).maintenance()).isFalse();
    assertThat(formation()).containsEntry("worker", 3L).containsEntry("clock", 1L)
        .containsEntry("web", 2L);
    assertThat(world.api.attachments(APP))
        .anyMatch(a -> a.addOnName().equals(old) && a.name().startsWith("HEROKU_POSTGRESQL_"));
  }

  @Test
  void aFailedPromotionLeavesTheAppOutOfMaintenanceWithItsFormationAndResumesWithANewFollower()
      throws SQLException {
    ChangeoverJournal journal = ChangeoverJournal.file(dir.resolve("changeover.json"));
    world.api.failNextRequest("POST", "/addon-attachments",
        FakeHerokuApi.Answer.error(503, "unavailable", "The service is temporarily unavailable."));
    List<ChangeoverEvent> events = new ArrayList<>();

    assertThatThrownBy(() -> changeover().journal(journal).build().run(events::add))
        .isInstanceOfSatisfying(ChangeoverFailedException.class, e -> {
          assertThat(e.step()).isEqualTo(ChangeoverStep.PROMOTE);
          assertThat(e.restored()).isTrue();
          assertThat(e.getMessage()).contains("failed at PROMOTE")
              .contains("maintenance mode is off").contains("worker back to 3")
              .contains("misses the writes");
        });

    assertThat(world.api.app(APP).maintenance()).isFalse();
    assertThat(formation()).containsEntry("worker", 3L).containsEntry("clock", 1L);
    assertThat(world.configVar("DATABASE_URL")).isEqualTo(oldUrl);
    assertThat(events).filteredOn(e -> e.kind() == ChangeoverEvent.Kind.RESTORED).hasSize(2);

    execute(oldUrl, "insert into orders (total) values (555)");  // the app runs on meanwhile
    ChangeoverResult resumed = changeover().journal(journal).build().run(e -> { });

    assertThat(queryLong(world.configVar("DATABASE_URL"), "select count(*) from orders"))
        .isEqualTo(101);
    assertThat(world.api.app(APP).maintenance()).isFalse();
    assertThat(formation()).containsEntry("worker", 3L);
    String stale = events.stream().filter(e -> e.step() == ChangeoverStep.CREATE_FOLLOWER
        && e.kind() == ChangeoverEvent.Kind.DONE).findFirst().orElseThrow().message().split(" ")[0];
    assertThat(resumed.promoted()).isNotEqualTo(stale);
  }

  @Test
  void aFollowerThatNeverCatchesUpTimesOutWithTheAppRestored() {
    world.data.followerLag(5_000, Duration.ofDays(30));
    Changeover changeover = world.client(Duration.ofMinutes(30)).postgres()
        .changeover(APP, "standard-2").caughtUpWithin(0).build();

    assertThatThrownBy(() -> changeover.run(e -> { }))
        .isInstanceOfSatisfying(ChangeoverFailedException.class, e -> {
          assertThat(e.step()).isEqualTo(ChangeoverStep.WAIT_CAUGHT_UP);
          assertThat(e.getCause()).isInstanceOf(WaitTimeoutException.class);
          assertThat(e.getMessage()).contains("the app was not stopped");
        });
    assertThat(world.api.app(APP).maintenance()).isFalse();
    assertThat(formation()).containsEntry("worker", 3L);
  }

  @Test
  void aFailureWhileStoppedRestoresAndTheNextRunResumesAtThatStep() {
    ChangeoverJournal journal = ChangeoverJournal.inMemory();
    world.data.failNextRequest("PUT", "/client/v11/databases/*/unfollow", 422,
        "The follower cannot be unfollowed right now.");

    assertThatThrownBy(() -> changeover().journal(journal).build().run(e -> { }))
        .isInstanceOfSatisfying(ChangeoverFailedException.class, e -> {
          assertThat(e.step()).isEqualTo(ChangeoverStep.UNFOLLOW);
          assertThat(e.restored()).isTrue();
          assertThat(e.getMessage()).contains("resume at UNFOLLOW");
        });
    assertThat(world.api.app(APP).maintenance()).isFalse();
    assertThat(formation()).containsEntry("worker", 3L).containsEntry("clock", 1L);
    long addOns = world.heroku.addOns().listByApp(APP).stream().count();

    List<ChangeoverEvent> events = new ArrayList<>();
    changeover().journal(journal).build().run(events::add);

    assertThat(events).filteredOn(e -> e.kind() == ChangeoverEvent.Kind.SKIPPED)
        .extracting(ChangeoverEvent::step)
        .containsExactly(ChangeoverStep.CREATE_FOLLOWER, ChangeoverStep.WAIT_CAUGHT_UP,
            ChangeoverStep.WAIT_ZERO_BEHIND);
    assertThat(world.heroku.addOns().listByApp(APP).stream().count()).isEqualTo(addOns);
    assertThat(world.api.app(APP).maintenance()).isFalse();
    assertThat(formation()).containsEntry("worker", 3L);
  }

  @Test
  void anUnfollowThatWentThroughBeforeItsStepFailedIsNeverPromotedAfterTheAppRanOn()
      throws SQLException {
    ChangeoverJournal journal = ChangeoverJournal.inMemory();
    List<ChangeoverEvent> events = new ArrayList<>();

    assertThatThrownBy(() -> changeover().journal(journal).build().run(e -> {
      events.add(e);
      if (e.step() == ChangeoverStep.UNFOLLOW && e.kind() == ChangeoverEvent.Kind.STARTED) {
        // the unfollow reaches Heroku, then the step's next answer is an error
        world.client().postgres().unfollow(createdFollower(events));
        world.data.failNextRequest("GET", "/client/v11/databases/*", 422,
            "The database is busy.");
      }
    })).isInstanceOfSatisfying(ChangeoverFailedException.class, e -> {
      assertThat(e.step()).isEqualTo(ChangeoverStep.UNFOLLOW);
      assertThat(e.getMessage()).contains("misses the writes");
    });
    String stale = createdFollower(events);
    assertThat(world.api.app(APP).maintenance()).isFalse();

    execute(oldUrl, "insert into orders (total) values (555)");  // the app runs on meanwhile
    ChangeoverResult resumed = changeover().journal(journal).build().run(e -> { });

    assertThat(resumed.promoted()).isNotEqualTo(stale);
    assertThat(queryLong(world.configVar("DATABASE_URL"),
        "select count(*) from orders where total = 555")).isEqualTo(1);
  }

  @Test
  void aFollowerUnfollowedByHandIsNotTakenForCaughtUp() {
    List<ChangeoverEvent> events = new ArrayList<>();

    assertThatThrownBy(() -> changeover().build().run(e -> {
      events.add(e);
      if (e.step() == ChangeoverStep.CREATE_FOLLOWER && e.kind() == ChangeoverEvent.Kind.DONE) {
        world.client().postgres().unfollow(createdFollower(events));  // someone else did it
      }
    })).isInstanceOfSatisfying(ChangeoverFailedException.class, e -> {
      assertThat(e.step()).isEqualTo(ChangeoverStep.WAIT_CAUGHT_UP);
      assertThat(e.getMessage()).contains("no longer follows its leader")
          .contains("the app was not stopped");
    });
    assertThat(world.configVar("DATABASE_URL")).isEqualTo(oldUrl);
    assertThat(formation()).containsEntry("worker", 3L);
  }

  private static String createdFollower(List<ChangeoverEvent> events) {
    return events.stream().filter(e -> e.step() == ChangeoverStep.CREATE_FOLLOWER
        && e.kind() == ChangeoverEvent.Kind.DONE).findFirst().orElseThrow().message()
        .split(" ")[0];
  }

  @Test
  void aCrashMidwayResumesFromTheJournalFileWithoutASecondFollower() throws Exception {
    Path file = dir.resolve("changeover.json");
    class Crash extends Error {
      private static final long serialVersionUID = 1L;
    }

    assertThatThrownBy(() -> changeover().journal(ChangeoverJournal.file(file)).build().run(e -> {
      if (e.step() == ChangeoverStep.CREATE_FOLLOWER && e.kind() == ChangeoverEvent.Kind.PROGRESS) {
        throw new Crash();  // the process dies while the follower is being prepared
      }
    })).isInstanceOf(Crash.class);
    assertThat(Files.readString(file)).contains("\"follower\"").doesNotContain("password");
    List<AddOn> addOnsAfterCrash = world.heroku.addOns().listByApp(APP).stream().toList();

    assertThatThrownBy(() -> changeover().journal(ChangeoverJournal.file(file)).build().run(e -> {
      if (e.step() == ChangeoverStep.UNFOLLOW && e.kind() == ChangeoverEvent.Kind.STARTED) {
        throw new Crash();  // and again while the app is stopped
      }
    })).isInstanceOf(Crash.class);
    assertThat(world.api.app(APP).maintenance()).isTrue();
    assertThat(changeover().journal(ChangeoverJournal.file(file)).build().plan().steps())
        .filteredOn(ChangeoverPlan.Step::done).extracting(ChangeoverPlan.Step::step)
        .containsExactly(ChangeoverStep.CREATE_FOLLOWER, ChangeoverStep.WAIT_CAUGHT_UP,
            ChangeoverStep.MAINTENANCE_ON, ChangeoverStep.SCALE_DOWN,
            ChangeoverStep.WAIT_ZERO_BEHIND);

    ChangeoverResult result = changeover().journal(ChangeoverJournal.file(file)).build()
        .run(e -> { });

    assertThat(world.heroku.addOns().listByApp(APP).stream().toList())
        .hasSameSizeAs(addOnsAfterCrash);
    assertThat(world.configVar("DATABASE_URL")).isEqualTo(world.data.url(result.promoted()));
    assertThat(world.api.app(APP).maintenance()).isFalse();
    assertThat(formation()).containsEntry("worker", 3L).containsEntry("clock", 1L);
  }

  @Test
  void maintenanceThatWasOnBeforeStaysOn() {
    world.heroku.workflows().dynos().maintenance(APP, true);

    changeover().build().run(e -> { });

    assertThat(world.api.app(APP).maintenance()).isTrue();
  }

  @Test
  void aJournalOfAnotherChangeoverIsRefused() {
    ChangeoverJournal journal = ChangeoverJournal.inMemory();
    journal.save("{\"app\":\"other\",\"plan\":\"heroku-postgresql:premium-0\"}");

    assertThatThrownBy(() -> changeover().journal(journal).build().run(e -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("records a changeover of other to heroku-postgresql:premium-0");
  }
}
