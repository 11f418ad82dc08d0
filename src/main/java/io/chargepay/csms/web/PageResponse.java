package io.chargepay.csms.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list, newest first, saying which page it is and how many there are. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages, String order) {

	static final String NEWEST_FIRST = "newest first";
	static final int MAX_SIZE = 100;

	static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages(), NEWEST_FIRST);
	}
}
