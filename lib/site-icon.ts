// The site's icon, inline: browsers then never ask for /favicon.ico (which does not exist).
export const SITE_ICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%231e40af'/%3E%3Cpath d='M3 13V7l5-4 5 4v6H9.5V9.5h-3V13z' fill='white'/%3E%3C/svg%3E";
