package io.herokusdk.testing.herokuapi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A build in the fake's store.
 *
 * @param id its id
 * @param app the app's name
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 * @param sourceUrl the {@code source_blob.url} it was created with
 * @param version the {@code source_blob.version}, or null
 * @param checksum the {@code source_blob.checksum}, or null
 * @param buildpacks the buildpack names or URLs it was given, empty for none
 * @param outputRequests how many times its output stream was requested
 * @param outputResumes for each request of its output stream, the header it resumed with, like
 *     {@code "Range: bytes=42-"} or {@code "Last-Event-Id: 3"}, or {@code ""} for none
 */
public record StoredBuild(String id, String app, String status, String sourceUrl,
    @Nullable String version, @Nullable String checksum, List<String> buildpacks, int outputRequests,
    List<String> outputResumes) {
  /**
   * Copies the lists.
   *
   * @param id its id
   * @param app the app's name
   * @param status {@code pending}, {@code succeeded} or {@code failed}
   * @param sourceUrl the {@code source_blob.url} it was created with
   * @param version the {@code source_blob.version}, or null
   * @param checksum the {@code source_blob.checksum}, or null
   * @param buildpacks the buildpack names or URLs it was given, empty for none; copied
   * @param outputRequests how many times its output stream was requested
   * @param outputResumes the resume header of each output stream request, {@code ""} for none;
   *     copied
   */
  public StoredBuild {
    buildpacks = List.copyOf(buildpacks);
    outputResumes = List.copyOf(outputResumes);
  }
}
