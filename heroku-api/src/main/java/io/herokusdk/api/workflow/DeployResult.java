package io.herokusdk.api.workflow;

import java.time.Duration;
import java.util.List;

/**
 * A deploy that reached a running release.
 *
 * @param app the app's name
 * @param buildId the build's id
 * @param releaseId the release's id
 * @param releaseVersion the release's version ({@code v42} is 42)
 * @param sourceVersion the {@code source_blob.version} sent: the git commit or {@code
 *     sha256:<hex>} of the tarball
 * @param upload how long the upload took (retries included)
 * @param build from creating the build to its {@code succeeded} status
 * @param release from the build's end to the release's {@code succeeded} status
 * @param buildOutput every line the build printed
 * @param releaseOutput every line the release phase printed (empty without one)
 */
public record DeployResult(String app, String buildId, String releaseId, long releaseVersion,
    String sourceVersion, Duration upload, Duration build, Duration release,
    List<String> buildOutput, List<String> releaseOutput) {
  /**
   * Copies the lists.
   *
   * @param app the app's name
   * @param buildId the build's id
   * @param releaseId the release's id
   * @param releaseVersion the release's version ({@code v42} is 42)
   * @param sourceVersion the {@code source_blob.version} sent
   * @param upload how long the upload took (retries included)
   * @param build from creating the build to its {@code succeeded} status
   * @param release from the build's end to the release's {@code succeeded} status
   * @param buildOutput every line the build printed; copied
   * @param releaseOutput every line the release phase printed (empty without one); copied
   */
  public DeployResult {
    buildOutput = List.copyOf(buildOutput);
    releaseOutput = List.copyOf(releaseOutput);
  }

  /** Shows ids, version and durations, not the output. */
  @Override
  public String toString() {
    return "DeployResult[" + app + " v" + releaseVersion + ", build " + buildId + ", release "
        + releaseId + ", source " + sourceVersion + ", upload " + upload + ", build " + build
        + ", release " + release + ", " + buildOutput.size() + " build lines, "
        + releaseOutput.size() + " release lines]";
  }
}
