package io.herokusdk.api.workflow;

import java.util.List;

/**
 * The release ended with status {@code failed} (its release phase failed): the previous
 * release stays live.
 */
public final class ReleaseFailedException extends DeployException {
  private static final long serialVersionUID = 1L;
  /** The failed release's id. */
  private final String releaseId;
  /** The failed release's version number. */
  private final long version;

  /**
   * Release {@code releaseId} (v{@code version}) of {@code app} failed after {@code output}.
   *
   * @param app the app's name or id
   * @param releaseId the release's id
   * @param version the release's version ({@code v42} is 42)
   * @param output every line the release phase printed, oldest first; empty without one
   */
  public ReleaseFailedException(String app, String releaseId, long version, List<String> output) {
    super(app, "Release v" + version + " (" + releaseId + ") of " + app
        + " failed in its release phase; the previous release stays live", output, null);
    this.releaseId = releaseId;
    this.version = version;
  }

  /**
   * The failed release's id.
   *
   * @return the release's id, a UUID
   */
  public String releaseId() {
    return releaseId;
  }

  /**
   * The failed release's version.
   *
   * @return the version number ({@code v42} is 42)
   */
  public long version() {
    return version;
  }
}
