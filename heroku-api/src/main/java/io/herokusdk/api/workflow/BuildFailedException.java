package io.herokusdk.api.workflow;

import java.util.List;

/** The build ended with status {@code failed}; no release was made. */
public final class BuildFailedException extends DeployException {
  private static final long serialVersionUID = 1L;
  /** The failed build's id. */
  private final String buildId;

  /**
   * Build {@code buildId} of {@code app} failed after printing {@code output}.
   *
   * @param app the app's name
   * @param buildId the build's id
   * @param output every line the build printed, oldest first; the last {@link
   *     DeployException#TAIL_LINES} are kept and go into the message
   */
  public BuildFailedException(String app, String buildId, List<String> output) {
    super(app, "Build " + buildId + " of " + app + " failed", output, null);
    this.buildId = buildId;
  }

  /**
   * The failed build's id.
   *
   * @return the build's id, a UUID
   */
  public String buildId() {
    return buildId;
  }
}
