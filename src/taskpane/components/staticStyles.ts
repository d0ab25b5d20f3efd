/**
 * Plain stylesheets for the first paint. The shell's few rules are written as CSS text with
 * Fluent's design tokens (`tokens.x` is `var(--x)`, set by `FluentProvider` for the theme in use),
 * injected once. `makeStyles` would do the same at run time but brings Griffel's style compiler
 * (stylis, rtl-css-js) into the initial chunk; Fluent's own components ship precompiled and do
 * not need it. Pages (loaded lazily) use `makeStyles` as usual.
 */
import { useInsertionEffect } from "react";

/** Adds `css` to the document once per `id` (before the DOM of the first user is committed). */
export function useStaticStyles(id: string, css: string): void {
  useInsertionEffect(() => {
    if (typeof document === "undefined" || document.head.querySelector(`style[data-budgetlys="${id}"]`) !== null) return;
    const style = document.createElement("style");
    style.dataset.budgetlys = id;
    style.textContent = css;
    document.head.appendChild(style);
  }, [id, css]);
}
