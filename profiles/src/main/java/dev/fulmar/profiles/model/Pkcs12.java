package dev.fulmar.profiles.model;

import java.util.Objects;

/**
 * The client's certificate and private key as a PKCS#12 bundle, embedded (base64 in the file) or
 * referenced by path. Its password is a secret and never part of the profile.
 */
public sealed interface Pkcs12 {

  /** The bundle embedded in the profile. */
  record Embedded(Bytes data) implements Pkcs12 {
    public Embedded {
      Objects.requireNonNull(data, "data");
    }
  }

  /** A {@code .p12}/{@code .pfx} file on disk. */
  record FileRef(String path) implements Pkcs12 {
    public FileRef {
      Objects.requireNonNull(path, "path");
    }
  }
}
