package dev.fulmar.profiles.model;

import java.util.Objects;

/** A trust anchor for the gateway's certificate: PEM text inside the profile, or a file path. */
public sealed interface CaCertificate {

  /** One or more PEM certificates embedded in the profile. */
  record Pem(String pem) implements CaCertificate {
    public Pem {
      Objects.requireNonNull(pem, "pem");
    }
  }

  /** A PEM or DER file on disk, read when connecting. */
  record FileRef(String path) implements CaCertificate {
    public FileRef {
      Objects.requireNonNull(path, "path");
    }
  }
}
