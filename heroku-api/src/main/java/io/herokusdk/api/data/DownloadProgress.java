package io.herokusdk.api.data;

/**
 * How far a backup download is.
 *
 * @param bytes bytes written to the destination so far
 * @param totalBytes the backup's size, or -1 when the server has not said
 * @param resumes how many times the download resumed after a dropped connection
 */
public record DownloadProgress(long bytes, long totalBytes, int resumes) {}
