package io.herokusdk.api.workflow;

/**
 * An app setup ended {@code failed}: app.json errors, a failed build or a postdeploy script that
 * exited non-zero. The app it created is left for inspection; delete it when done.
 */
public final class AppSetupFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient AppSetupResult result;

  /**
   * Creates the exception from the setup's result.
   *
   * @param result the setup's outcome; its id, app name and problems go into the message
   */
  public AppSetupFailedException(AppSetupResult result) {
    super("App setup " + result.id() + " of app " + result.appName() + " failed: "
        + result.problem());
    this.result = result;
  }

  /**
   * The setup's outcome: failure message, manifest errors, postdeploy output and exit code.
   *
   * @return the outcome; null after deserialization, as it is not serialized
   */
  public AppSetupResult result() {
    return result;
  }
}
