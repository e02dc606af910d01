package dev.autoscaling.aks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * An SSH key pair for the cluster's Linux nodes, as {@code az aks create --generate-ssh-keys} makes one: RSA 2048.
 * The private key stays in memory unless written with {@link #writePrivateKey(Path)} (owner-only), and appears in
 * no {@code toString}.
 */
public final class SshKeyPair {

  private final KeyPair keyPair;

  private SshKeyPair(KeyPair keyPair) {
    this.keyPair = keyPair;
  }

  public static SshKeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new SshKeyPair(generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM cannot generate RSA keys", e);
    }
  }

  /** The public key in OpenSSH's one-line form, {@code ssh-rsa AAAA...}, as ARM's linuxProfile takes it. */
  public String publicKey() {
    RSAPublicKey key = (RSAPublicKey) keyPair.getPublic();
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    try {
      writeString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
      writeString(blob, key.getPublicExponent().toByteArray());
      writeString(blob, key.getModulus().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray());
  }

  /** SSH wire format: a 4-byte big-endian length, then the bytes (mpints as two's complement, as BigInteger gives). */
  private static void writeString(OutputStream out, byte[] bytes) throws IOException {
    int n = bytes.length;
    out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    out.write(bytes);
  }

  /**
   * Writes the private key (PKCS#8 PEM, which OpenSSH reads) to a new file readable by its owner only.
   *
   * @throws IllegalStateException if the file exists: a key is never overwritten
   */
  public void writePrivateKey(Path file) {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keyPair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    try {
      if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(file + " exists: choose another file, an existing key is never overwritten");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "SshKeyPair[RSA 2048, private key not shown]";
  }
}
