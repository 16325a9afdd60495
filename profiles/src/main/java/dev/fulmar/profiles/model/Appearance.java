package dev.fulmar.profiles.model;

/** How the app shows a profile: an icon name and an {@code #RRGGBB} colour, both optional. */
public record Appearance(String icon, String colour) {
  public static final Appearance DEFAULT = new Appearance(null, null);
}
