package dev.fulmar.control.message;

/** The request was carried out and has nothing else to say. */
public record Ok() implements Response {}
