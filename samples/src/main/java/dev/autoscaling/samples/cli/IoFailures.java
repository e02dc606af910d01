package dev.autoscaling.samples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words: java.nio's exceptions often carry only the path as their message
 * ({@code AccessDeniedException: /out}), which read as no reason at all.
 */
final class IoFailures {

  private IoFailures() {
  }

  /** {@code cannot write FILE: permission denied}, naming the file the operation failed on. */
  static UserError cannot(String doing, IOException e) {
    String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
    return new UserError("cannot " + doing + (file == null ? "" : " " + file) + ": " + reason(e));
  }

  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
