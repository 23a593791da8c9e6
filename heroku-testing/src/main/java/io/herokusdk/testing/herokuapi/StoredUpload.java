package io.herokusdk.testing.herokuapi;

import org.jspecify.annotations.Nullable;

/**
 * What was PUT to a source's upload URL.
 *
 * @param sourceId the id in the source's URLs
 * @param size how many bytes the last PUT sent
 * @param bytes the bytes kept: all of them, or the first {@link
 *     FakeHerokuApi.Builder#maxUploadBytesKept(long)} of a larger upload
 * @param contentType the {@code Content-Type} the last PUT sent, or null
 * @param puts how many PUTs were stored (a retried upload counts each)
 */
public record StoredUpload(String sourceId, long size, byte[] bytes, @Nullable String contentType,
    int puts) {
  /**
   * Whether {@link #bytes()} holds fewer bytes than were sent.
   *
   * @return true if the last upload was larger than the fake keeps
   */
  public boolean truncated() {
    return bytes.length < size;
  }

  @Override
  public String toString() {
    return "StoredUpload[" + sourceId + ", " + size + " bytes, " + puts + " PUT(s)]";
  }
}
