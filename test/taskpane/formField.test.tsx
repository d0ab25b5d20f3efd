// @vitest-environment jsdom
/**
 * The pages' shared field (`components/FormField.tsx`): the label names the control, a problem is
 * shown at the field and marks an error invalid (a warning does not), `onChange` gets the text,
 * and a select lists its options in order.
 */
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FieldGrid, FormField, type FormFieldProps } from "../../src/taskpane/components/FormField";

afterEach(cleanup);

/** A field whose value is state, as on the pages. */
function Controlled(props: Omit<FormFieldProps, "value" | "onChange"> & { readonly initial: string; readonly seen: string[] }): JSX.Element {
  const [value, setValue] = useState(props.initial);
  return (
    <FormField
      {...props}
      value={value}
      onChange={(text) => {
        props.seen.push(text);
        setValue(text);
      }}
    />
  );
}

function renderIn(element: JSX.Element) {
  return render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}

describe("FormField", () => {
  it("an input: labelled by its label, hint described, onChange gets the typed text", async () => {
    const seen: string[] = [];
    renderIn(<Controlled label="Grænse i procent" hint="Mellem 0,5 % og 25 %." control={{ kind: "input", inputMode: "decimal" }} initial="5" seen={seen} />);
    const input = screen.getByLabelText("Grænse i procent");
    expect(input.getAttribute("inputmode")).toBe("decimal");
    expect(input.getAttribute("aria-invalid")).not.toBe("true");
    expect(screen.getByText("Mellem 0,5 % og 25 %.").id).toBe(input.getAttribute("aria-describedby")?.split(" ").find((id) => id.includes("hint")));
    await userEvent.setup().type(input, ",5");
    expect(seen).toEqual(["5,", "5,5"]);
    expect((input as HTMLInputElement).value).toBe("5,5");
  });

  it("an error is shown at the field and marks the control invalid; a warning only shows", () => {
    renderIn(
      <>
        <FormField label="Antal år" control={{ kind: "input", type: "number", min: 1, max: 3 }} value="4" onChange={() => undefined} problem={{ intent: "error", text: "Højst 3 år efter politikken." }} />
        <FormField label="Regnskabsår" control={{ kind: "input" }} value="2025" onChange={() => undefined} problem={{ intent: "warning", text: "Året er et gæt." }} />
      </>,
    );
    const years = screen.getByLabelText("Antal år");
    expect(years.getAttribute("aria-invalid")).toBe("true");
    expect(years.getAttribute("max")).toBe("3");
    expect(screen.getByText("Højst 3 år efter politikken.")).toBeTruthy();
    expect(screen.getByLabelText("Regnskabsår").getAttribute("aria-invalid")).not.toBe("true");
    expect(screen.getByText("Året er et gæt.")).toBeTruthy();
  });

  it("a select lists its options in order and reports the chosen value", async () => {
    const seen: string[] = [];
    renderIn(
      <FieldGrid>
        <Controlled
          label="Farve"
          control={{ kind: "select", options: [{ value: "", label: "Alle farver" }, { value: "Rød", label: "Rød" }, { value: "Gul", label: "Gul" }] }}
          initial=""
          seen={seen}
        />
      </FieldGrid>,
    );
    const select = screen.getByRole("combobox", { name: "Farve" });
    expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Alle farver", "Rød", "Gul"]);
    await userEvent.setup().selectOptions(select, "Gul");
    expect(seen).toEqual(["Gul"]);
  });

  it("a text area is required when asked, and disabled when asked", () => {
    renderIn(<FormField label="Begrundelse" required disabled control={{ kind: "textarea" }} value="" onChange={() => undefined} />);
    const area = screen.getByRole("textbox", { name: /Begrundelse/ });
    expect(area.tagName).toBe("TEXTAREA");
    expect(area.hasAttribute("required") || area.getAttribute("aria-required") === "true").toBe(true);
    expect((area as HTMLTextAreaElement).disabled).toBe(true);
  });
});
