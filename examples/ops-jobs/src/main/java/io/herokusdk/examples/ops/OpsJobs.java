package io.herokusdk.examples.ops;

import io.herokusdk.api.Heroku;
import io.herokusdk.core.ConfigException;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.GracefulShutdown;
import io.herokusdk.core.JobLockException;
import io.herokusdk.mail.HerokuMail;
import io.herokusdk.mail.Mailer;
import io.herokusdk.postgres.HerokuPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ops jobs' one entry point: {@code java -jar ops-jobs.jar JOB [options]} with JOB one of
 * {@code backup}, {@code scale}, {@code cost-report [--json] [APP...]}, {@code deploy --app APP
 * [--jar PATH] [--promote] [--version V]} and {@code web}. Exit code 0: done (or skipped on
 * purpose); 1: the job failed (the message says why); 2: bad usage or config vars.
 */
public final class OpsJobs {
  private static final Logger LOG = LoggerFactory.getLogger(OpsJobs.class);
  static final String USAGE = "usage: ops-jobs backup | scale | cost-report [--json] [APP...] | "
      + "deploy --app APP [--jar PATH] [--promote] [--version V] | web";

  private OpsJobs() {}

  /** Runs the job named by {@code args[0]} with the process's config vars, then exits. */
  public static void main(String[] args) throws IOException {
    ConfigVars config = ConfigVars.fromEnv();
    if (args.length > 0 && args[0].equals("web")) {
      serve(config);
      return;
    }
    int code;
    try (Heroku heroku = Heroku.fromConfig(config)) {
      code = run(args, config, heroku, System.out);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      code = 2;
    }
    System.exit(code);
  }

  /** The {@code web} process: the drain endpoint until SIGTERM. */
  static void serve(ConfigVars config) throws IOException {
    GracefulShutdown shutdown = GracefulShutdown.install();
    Mailer mailer = HerokuMail.fromConfig(config);
    shutdown.registerClose("mailer", mailer);
    DrainServer server = DrainServer.start(DrainServer.Settings.from(config), mailer,
        Clock.systemUTC());
    shutdown.registerClose("web", server);
  }

  /** Runs one job (not {@code web}) and returns its exit code. */
  static int run(String[] args, ConfigVars config, Heroku heroku, PrintStream out) {
    if (args.length == 0) {
      out.println(USAGE);
      return 2;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    try {
      switch (args[0]) {
        case "backup" -> backup(config, heroku, out);
        case "scale" -> new ScaleJob(heroku, ScaleJob.Settings.from(config), Clock.systemUTC(),
            out).run();
        case "cost-report" -> {
          boolean json = rest.remove("--json");
          List<String> apps = rest.isEmpty()
              ? config.get("COST_APPS").map(OpsJobs::list).orElse(List.of()) : rest;
          List<CostReport.AppCost> report = new CostReport(heroku,
              Prices.withOverrides(config.get("COST_PRICES").orElse(null))).build(apps);
          out.print(json ? CostReport.json(report) + "\n" : CostReport.table(report));
        }
        case "deploy" -> new DeployJob(heroku, deploySettings(rest, config), out).run();
        default -> {
          out.println("unknown job '" + args[0] + "'\n" + USAGE);
          return 2;
        }
      }
      return 0;
    } catch (ConfigException e) {
      LOG.error("{}: {}", args[0], e.getMessage());
      out.println(args[0] + ": " + e.getMessage());
      return 2;
    } catch (OpsJobException | JobLockException e) {
      LOG.error("{} failed: {}", args[0], e.getMessage(), e);
      out.println(args[0] + " FAILED: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The backup under an advisory lock on the ops app's own {@code DATABASE_URL}, so an overlapping
   * Scheduler run skips instead of capturing twice.
   */
  private static void backup(ConfigVars config, Heroku heroku, PrintStream out) {
    BackupJob.Settings settings = BackupJob.Settings.from(config);
    try (HerokuPostgres own = small(config, "DATABASE_URL");
        HerokuPostgres source = small(config, "BACKUP_SOURCE_URL");
        HerokuPostgres scratch = small(config, "BACKUP_SCRATCH_URL")) {
      boolean ran = own.jobLocks().runExclusively("ops-jobs:backup", () ->
          new BackupJob(heroku, settings, source.dataSource(), scratch.dataSource(), out).run());
      if (!ran) {
        out.println("Another backup run holds the lock; this one is skipped");
        LOG.warn("backup skipped: another run holds the ops-jobs:backup lock");
      }
    }
  }

  private static HerokuPostgres small(ConfigVars config, String var) {
    return HerokuPostgres.builder().configVars(config).database(var).maximumPoolSize(1)
        .applicationName("ops-jobs").build();
  }

  private static DeployJob.Settings deploySettings(List<String> args, ConfigVars config) {
    String app = config.get("DEPLOY_APP").orElse(null);
    Path jar = config.get("DEPLOY_JAR").map(Path::of).orElse(null);
    boolean promote = false;
    String version = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--promote" -> promote = true;
        case "--app", "--jar", "--version" -> {
          if (i + 1 >= args.size()) throw new OpsJobException(a + " needs a value\n" + USAGE);
          String value = args.get(++i);
          if (a.equals("--app")) app = value;
          else if (a.equals("--jar")) jar = Path.of(value);
          else version = value;
        }
        default -> throw new OpsJobException("deploy: unknown option '" + a + "'\n" + USAGE);
      }
    }
    if (app == null) throw new OpsJobException("deploy needs --app APP (or DEPLOY_APP)");
    if (jar == null && !promote) {
      throw new OpsJobException("deploy needs --jar PATH (or DEPLOY_JAR), --promote, or both");
    }
    return new DeployJob.Settings(app, jar, promote, version);
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
