package io.herokusdk.examples.ops;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.HerokuApiException;
import io.herokusdk.api.model.PipelineCoupling;
import io.herokusdk.api.model.PipelineCouplingStage;
import io.herokusdk.api.workflow.BuildFailedException;
import io.herokusdk.api.workflow.DeployException;
import io.herokusdk.api.workflow.DeployRequest;
import io.herokusdk.api.workflow.DeployResult;
import io.herokusdk.api.workflow.DeploySource;
import io.herokusdk.api.workflow.Promotion;
import io.herokusdk.api.workflow.PromotionFailedException;
import io.herokusdk.api.workflow.PromotionResult;
import io.herokusdk.api.workflow.ReleaseFailedException;
import io.herokusdk.core.WaitTimeoutException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys a built JAR to an app from CI, with the build output streamed and an upload progress
 * bar, and optionally promotes the app's release to the next pipeline stage. A failed build or
 * release is an {@link OpsJobException} carrying the last lines of output.
 */
final class DeployJob {
  private static final List<PipelineCouplingStage> ORDER = List.of(
      PipelineCouplingStage.DEVELOPMENT, PipelineCouplingStage.STAGING,
      PipelineCouplingStage.PRODUCTION);

  /** {@code jar} null: promote only. */
  record Settings(String app, Path jar, boolean promote, String version) {}

  private final Heroku heroku;
  private final Settings settings;
  private final PrintStream out;

  DeployJob(Heroku heroku, Settings settings, PrintStream out) {
    this.heroku = heroku;
    this.settings = settings;
    this.out = out;
  }

  /** The deploy's result (null when only promoting) and the promotion's (null without). */
  record Result(DeployResult deploy, PromotionResult promotion) {}

  Result run() {
    DeployResult deployed = settings.jar() == null ? null : deploy();
    PromotionResult promoted = settings.promote() ? promote() : null;
    return new Result(deployed, promoted);
  }

  private DeployResult deploy() {
    Path jar = settings.jar();
    if (!Files.isRegularFile(jar)) {
      throw new OpsJobException("No JAR at " + jar.toAbsolutePath() + ": build it first "
          + "(./mvnw package) or pass --jar PATH");
    }
    ProgressBar bar = ProgressBar.forConsole(out, "upload");
    DeployRequest.Builder request = DeployRequest.builder(settings.app(), DeploySource.jar(jar))
        .buildOutput(out::println)
        .releaseOutput(line -> out.println("release: " + line))
        .uploadProgress(bar);
    if (settings.version() != null) request.version(settings.version());
    try {
      DeployResult result = heroku.workflows().deploys().deploy(request.build());
      out.println("Deployed " + jar.getFileName() + " to " + settings.app() + ": v"
          + result.releaseVersion() + " is live (upload " + result.upload().toMillis()
          + " ms, build " + result.build().toSeconds() + " s)");
      return result;
    } catch (BuildFailedException e) {
      throw failed("The build on " + settings.app() + " failed", e);
    } catch (ReleaseFailedException e) {
      throw failed("Release v" + e.version() + " on " + settings.app()
          + " failed its release phase; the previous release stays live", e);
    } catch (DeployException e) {
      throw failed("The deploy to " + settings.app() + " failed: " + e.getMessage(), e);
    } catch (WaitTimeoutException e) {
      throw new OpsJobException("The deploy to " + settings.app() + " did not finish in time; "
          + "see heroku releases -a " + settings.app(), e);
    } catch (HerokuApiException e) {
      throw new OpsJobException("The deploy to " + settings.app() + " failed: "
          + e.getMessage(), e);
    }
  }

  private PromotionResult promote() {
    String app = settings.app();
    try {
      PipelineCoupling coupling = heroku.pipelineCouplings().infoByApp(app);
      int at = ORDER.indexOf(coupling.stage());
      if (at < 0 || at == ORDER.size() - 1) {
        throw new OpsJobException(app + " is in the " + coupling.stage().value()
            + " stage of its pipeline, which has no next stage to promote to");
      }
      PipelineCouplingStage next = ORDER.get(at + 1);
      List<String> targets = new ArrayList<>();
      for (PipelineCoupling c : heroku.pipelineCouplings().listByPipeline(
          coupling.pipeline().id())) {
        if (c.stage() == next) targets.add(c.app().id());
      }
      if (targets.isEmpty()) {
        throw new OpsJobException("The pipeline of " + app + " has no app in the "
            + next.value() + " stage");
      }
      out.println("Promoting " + app + " to the " + next.value() + " stage (" + targets.size()
          + " app(s)) ...");
      PromotionResult result = heroku.workflows().pipelines().promote(Promotion.builder()
          .pipeline(coupling.pipeline().id()).source(app).targets(targets)
          .releaseOutput((appId, line) -> out.println("release: " + line))
          .build());
      out.println("Promoted " + app + " to " + next.value());
      return result;
    } catch (PromotionFailedException e) {
      List<String> why = new ArrayList<>();
      for (PromotionResult.Target t : e.result().failed()) {
        why.add(t.app() + ": " + t.errorMessage());
        List<String> output = t.releaseOutput();
        output.subList(Math.max(0, output.size() - DeployException.TAIL_LINES), output.size())
            .forEach(line -> out.println("  | " + line));
      }
      throw new OpsJobException("The promotion of " + app + " failed for "
          + String.join("; ", why), e);
    } catch (WaitTimeoutException e) {
      throw new OpsJobException("The promotion of " + app + " did not finish in time", e);
    } catch (HerokuApiException e) {
      throw new OpsJobException("Could not promote " + app + ": " + e.getMessage(), e);
    }
  }

  private OpsJobException failed(String what, DeployException e) {
    List<String> tail = e.outputTail();
    out.println(what + ". Last " + tail.size() + " lines:");
    tail.forEach(line -> out.println("  | " + line));
    return new OpsJobException(what + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1)),
        e);
  }
}
