package io.herokusdk.api.workflow;

import java.util.List;

/** The build ended with status {@code failed}; no release was made. */
public final class BuildFailedException extends DeployException {
  private static final long serialVersionUID = 1L;
  private final String buildId;

  /** Build {@code buildId} of {@code app} failed after printing {@code output}. */
  public BuildFailedException(String app, String buildId, List<String> output) {
    super(app, "Build " + buildId + " of " + app + " failed", output, null);
    this.buildId = buildId;
  }

  /** The failed build's id. */
  public String buildId() {
    return buildId;
  }
}
