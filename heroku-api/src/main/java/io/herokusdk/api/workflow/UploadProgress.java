package io.herokusdk.api.workflow;

/** Sees a source upload advance; called on the uploading thread, so keep it quick. */
@FunctionalInterface
public interface UploadProgress {
  /**
   * {@code sent} of {@code total} bytes handed to the connection so far. When an attempt is
   * retried the whole tarball is sent again and {@code sent} starts again at 0.
   *
   * @param sent bytes of the current attempt sent so far, 0 to {@code total}
   * @param total the tarball's size in bytes
   */
  void onProgress(long sent, long total);
}
