package io.herokusdk.api.workflow;

import java.util.List;

/**
 * The release ended with status {@code failed} (its release phase failed): the previous
 * release stays live.
 */
public final class ReleaseFailedException extends DeployException {
  private static final long serialVersionUID = 1L;
  private final String releaseId;
  private final long version;

  /** Release {@code releaseId} (v{@code version}) of {@code app} failed after {@code output}. */
  public ReleaseFailedException(String app, String releaseId, long version, List<String> output) {
    super(app, "Release v" + version + " (" + releaseId + ") of " + app
        + " failed in its release phase; the previous release stays live", output, null);
    this.releaseId = releaseId;
    this.version = version;
  }

  /** The failed release's id. */
  public String releaseId() {
    return releaseId;
  }

  /** The failed release's version. */
  public long version() {
    return version;
  }
}
