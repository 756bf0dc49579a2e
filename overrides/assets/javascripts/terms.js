// Escape hides an open glossary tooltip (WCAG 1.4.13); moving away from the term shows it again next time.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".hb-term:hover, .hb-term:focus-within").forEach((term) => term.classList.add("hb-term--dismissed"));
});
document.addEventListener("mouseout", (event) => {
  const term = event.target.closest && event.target.closest(".hb-term");
  if (term && !term.contains(event.relatedTarget)) term.classList.remove("hb-term--dismissed");
});
document.addEventListener("focusout", (event) => {
  const term = event.target.closest && event.target.closest(".hb-term");
  if (term) term.classList.remove("hb-term--dismissed");
});
