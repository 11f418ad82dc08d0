package io.chargepay.csms.web;

/** One reason a request was refused, with the field it concerns (a JSON path such as {@code wallets[0].address}). */
public record FieldError(String field, String reason) {
}
