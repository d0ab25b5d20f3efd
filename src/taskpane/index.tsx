// Placeholder entry; the task pane (issue 6) replaces this.
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<p>Budgetlys</p>);
