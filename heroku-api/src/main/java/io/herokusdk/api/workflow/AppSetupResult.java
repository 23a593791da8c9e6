package io.herokusdk.api.workflow;

import io.herokusdk.api.model.AppSetup;
import io.herokusdk.api.model.AppSetupStatus;
import io.herokusdk.api.model.BuildStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How an app setup (app.json-driven app creation) ended.
 *
 * @param id the app setup's id
 * @param appId the app it created
 * @param appName that app's name
 * @param status {@code succeeded} or {@code failed}
 * @param failureMessage why it failed, or null
 * @param manifestErrors the app.json problems found, empty when none
 * @param postdeployOutput the {@code scripts.postdeploy} output, or null when it did not run
 * @param postdeployExitCode its exit code, or null when it did not run
 * @param buildId the build it ran, or null when none started
 * @param buildStatus that build's status, or null
 * @param resolvedSuccessUrl app.json's {@code success_url} resolved, or null
 */
public record AppSetupResult(String id, String appId, String appName, AppSetupStatus status,
    @Nullable String failureMessage, List<String> manifestErrors,
    @Nullable String postdeployOutput, @Nullable Long postdeployExitCode,
    @Nullable String buildId, @Nullable BuildStatus buildStatus,
    @Nullable String resolvedSuccessUrl) {
  /**
   * Copies the list.
   *
   * @param id the app setup's id
   * @param appId the app it created
   * @param appName that app's name
   * @param status {@code succeeded} or {@code failed}
   * @param failureMessage why it failed, or null
   * @param manifestErrors the app.json problems found, empty when none; copied
   * @param postdeployOutput the {@code scripts.postdeploy} output, or null when it did not run
   * @param postdeployExitCode its exit code, or null when it did not run
   * @param buildId the build it ran, or null when none started
   * @param buildStatus that build's status, or null
   * @param resolvedSuccessUrl app.json's {@code success_url} resolved, or null
   */
  public AppSetupResult {
    manifestErrors = List.copyOf(manifestErrors);
  }

  static AppSetupResult of(AppSetup s) {
    return new AppSetupResult(s.id(), s.app().id(), s.app().name(), s.status(),
        s.failureMessage(), s.manifestErrors() == null ? List.of() : s.manifestErrors(),
        s.postdeploy() == null ? null : s.postdeploy().output(),
        s.postdeploy() == null ? null : s.postdeploy().exitCode(),
        s.buildValue() == null ? null : s.buildValue().id(),
        s.buildValue() == null ? null : s.buildValue().status(), s.resolvedSuccessUrl());
  }

  /** What went wrong, for exception messages. */
  String problem() {
    StringBuilder b = new StringBuilder(failureMessage == null ? "failed" : failureMessage);
    if (!manifestErrors.isEmpty()) b.append("; app.json errors: ").append(manifestErrors);
    if (buildStatus != null && buildStatus != BuildStatus.SUCCEEDED) {
      b.append("; build ").append(buildId).append(' ').append(buildStatus.value());
    }
    if (postdeployExitCode != null && postdeployExitCode != 0) {
      b.append("; postdeploy exited with ").append(postdeployExitCode).append(", output: ")
          .append(lastLines(postdeployOutput, 10));
    }
    return b.toString();
  }

  private static String lastLines(@Nullable String text, int n) {
    if (text == null) return "";
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }
}
