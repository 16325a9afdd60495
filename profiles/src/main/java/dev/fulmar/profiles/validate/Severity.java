package dev.fulmar.profiles.validate;

/** How serious a problem is: an error stops the profile from being used or stored. */
public enum Severity {
  ERROR,
  WARNING
}
