/**
 * Confirmations as a promise: `const ok = await confirm({...})` shows a Fluent alert `Dialog`
 * and resolves true only when the user chose the confirming button (Escape or the other button:
 * false). The safe (non-destructive) button is the primary one and has the first focus; when the
 * dialog closes, the focus goes back to the control that asked. One dialog at a time; used before
 * anything existing is replaced or stored for every user. A question that will come again (the
 * replace question of Alle planer) can offer a "Gælder alle" checkbox: {@link useConfirmChoice}
 * resolves the answer and whether it applies to the rest.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

/** What to ask. */
export interface ConfirmRequest {
  readonly title: string;
  readonly body: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  /** The label of a "Gælder alle" checkbox (unticked when the dialog opens); none when absent. */
  readonly applyToAllLabel?: string;
}

/** The answer to a question: confirmed or not, and whether "Gælder alle" was ticked. */
export interface ConfirmChoice {
  readonly confirmed: boolean;
  readonly applyToAll: boolean;
}

type Confirm = (request: ConfirmRequest) => Promise<boolean>;
type ConfirmWithChoice = (request: ConfirmRequest) => Promise<ConfirmChoice>;

const ConfirmContext = createContext<ConfirmWithChoice | null>(null);

function useConfirmContext(): ConfirmWithChoice {
  const confirm = useContext(ConfirmContext);
  if (confirm === null) throw new Error("useConfirm bruges uden for ConfirmProvider.");
  return confirm;
}

/** Asks the user; resolves true when confirmed. */
export function useConfirm(): Confirm {
  const choose = useConfirmContext();
  return useCallback((request) => choose(request).then((choice) => choice.confirmed), [choose]);
}

/** Asks the user; resolves the answer and whether "Gælder alle" (`applyToAllLabel`) was ticked. */
export function useConfirmChoice(): ConfirmWithChoice {
  return useConfirmContext();
}

/** Provides {@link useConfirm} and renders its dialog. */
export function ConfirmProvider({ children }: { readonly children: ReactNode }): JSX.Element {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const [applyToAll, setApplyToAll] = useState(false);
  const resolver = useRef<((answer: ConfirmChoice) => void) | null>(null);
  /** The control that had the focus when the question was asked (it gets it back). */
  const trigger = useRef<HTMLElement | null>(null);

  const confirm = useCallback<ConfirmWithChoice>(
    (next) =>
      new Promise<ConfirmChoice>((resolve) => {
        resolver.current?.({ confirmed: false, applyToAll: false });
        resolver.current = resolve;
        const active = typeof document === "undefined" ? null : document.activeElement;
        trigger.current = active instanceof HTMLElement ? active : null;
        setApplyToAll(false);
        setRequest(next);
      }),
    [],
  );

  const answer = useCallback((value: boolean, all: boolean) => {
    resolver.current?.({ confirmed: value, applyToAll: all });
    resolver.current = null;
    setRequest(null);
    const back = trigger.current;
    trigger.current = null;
    // After the dialog has closed (and its own focus restoration ran): back to the asking control.
    if (back !== null) setTimeout(() => back.isConnected && back.focus(), 0);
  }, []);

  const value = useMemo(() => confirm, [confirm]);
  return (
    <ConfirmContext.Provider value={value}>
      {children}
      <Dialog modalType="alert" open={request !== null} onOpenChange={(_event, data) => (data.open ? undefined : answer(false, false))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{request?.title}</DialogTitle>
            <DialogContent>
              {request?.body}
              {request?.applyToAllLabel === undefined ? null : (
                <div>
                  <Checkbox
                    label={request.applyToAllLabel}
                    checked={applyToAll}
                    onChange={(_event, data) => setApplyToAll(data.checked === true)}
                  />
                </div>
              )}
            </DialogContent>
            <DialogActions>
              {/* The safe choice comes first, so it has the focus when the dialog opens. */}
              <Button appearance="primary" onClick={() => answer(false, applyToAll)}>
                {request?.cancelLabel}
              </Button>
              <Button appearance="secondary" onClick={() => answer(true, applyToAll)}>
                {request?.confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </ConfirmContext.Provider>
  );
}
